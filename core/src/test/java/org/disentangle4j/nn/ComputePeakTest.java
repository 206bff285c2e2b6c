package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComputePeakTest {

    private static String processor(int id, String mhz, String flags) {
        return "processor\t: " + id + "\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\ncpu MHz\t\t: " + mhz + "\nflags\t\t: " + flags + "\n\n";
    }

    /** Two AVX-512 cores at 2,596.142 MHz: 2 × 2.596142 × 16 × 2 × 2 = 332.31 GFLOP/s, by hand. */
    @Test
    void avx512CoresAtTheirHighestClock() {
        String flags = "fpu sse sse2 avx avx2 fma avx512f avx512_bf16";
        String text = processor(0, "2596.142", flags) + processor(1, "2400.000", flags);
        ComputePeak.CpuPeak peak = ComputePeak.fromCpuInfo(text, 2).orElseThrow();
        assertEquals(16, peak.lanes());
        assertEquals(2.596142, peak.gigahertz(), 1e-12);
        assertEquals(332.306176, peak.gflops(), 1e-6);
        assertTrue(peak.toString().contains("AVX-512"), peak.toString());
    }

    @Test
    void narrowerVectorsAndUnreadableText() {
        assertEquals(8, ComputePeak.fromCpuInfo(processor(0, "3000", "fpu sse2 avx avx2 fma"), 4).orElseThrow().lanes());
        // "avx512f" must be a whole flag, not a prefix of another one
        assertEquals(8, ComputePeak.fromCpuInfo(processor(0, "3000", "avx2 avx512fx"), 4).orElseThrow().lanes());
        assertEquals(4, ComputePeak.fromCpuInfo(processor(0, "3000", "fpu sse sse2"), 1).orElseThrow().lanes());
        assertEquals(Optional.empty(), ComputePeak.fromCpuInfo("processor : 0\nflags : avx2\n", 1)); // no clock
        assertEquals(Optional.empty(), ComputePeak.fromCpuInfo("", 1));
    }
}
