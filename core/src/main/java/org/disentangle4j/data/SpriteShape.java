package org.disentangle4j.data;

/**
 * The three dSprites shapes as point-membership tests in sprite coordinates: u to the right,
 * v downwards, every shape inside the unit disk (so a sprite of radius r fits in any rotation
 * within r pixels of its centre).
 */
enum SpriteShape {
    SQUARE {
        // corners on the unit circle
        private static final double HALF_SIDE = Math.sqrt(0.5);

        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) <= HALF_SIDE && Math.abs(v) <= HALF_SIDE;
        }
    },
    ELLIPSE {
        @Override
        boolean contains(double u, double v) {
            return u * u + 4 * v * v <= 1; // semi-axes 1 and 1/2
        }
    },
    HEART {
        @Override
        boolean contains(double u, double v) {
            return HeartCurve.contains(HeartCurve.CENTRE_X + u * HeartCurve.RADIUS,
                    HeartCurve.CENTRE_Y - v * HeartCurve.RADIUS);
        }
    };

    abstract boolean contains(double u, double v);

    /**
     * The heart (x² + y² − 1)³ ≤ x² y³ (y up), re-centred on its centroid and shrunk into the unit
     * disk; the centroid and radius are measured once on a fine grid.
     */
    private static final class HeartCurve {
        static final double CENTRE_X, CENTRE_Y, RADIUS;

        static {
            int n = 1201;
            double lo = -1.5, step = 3.0 / (n - 1);
            double sx = 0, sy = 0;
            long count = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = lo + j * step, y = lo + i * step;
                    if (contains(x, y)) {
                        sx += x;
                        sy += y;
                        count++;
                    }
                }
            }
            double cx = sx / count, cy = sy / count, r2 = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = lo + j * step, y = lo + i * step;
                    if (contains(x, y)) r2 = Math.max(r2, (x - cx) * (x - cx) + (y - cy) * (y - cy));
                }
            }
            CENTRE_X = cx;
            CENTRE_Y = cy;
            RADIUS = Math.sqrt(r2) + step; // one grid step of slack keeps the true outline inside
        }

        static boolean contains(double x, double y) {
            double a = x * x + y * y - 1;
            return a * a * a <= x * x * y * y * y;
        }
    }
}
