/**
 * Verdicts on a paper's claims, computed from per-seed measurements of two groups of runs:
 * a {@link org.disentangle4j.experiment.verdict.Claim} names the metric, the groups and the
 * direction the paper expects; {@link org.disentangle4j.experiment.verdict.ClaimVerdict#judge}
 * runs Welch's or the paired t-test over the seeds and says whether the claim holds, is
 * contradicted or is not decided; {@link org.disentangle4j.experiment.verdict.ClaimsReport}
 * writes {@code claims.md} and {@code claims.json}.
 */
package org.disentangle4j.experiment.verdict;
