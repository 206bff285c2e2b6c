package org.disentangle4j.data;

/**
 * The four Shapes3D objects as signed distance functions, standing on the floor (y = 0) at the
 * origin, sized by a scale factor (1 ≈ one unit tall). Each reports a bounding sphere so that
 * rays that cannot hit it skip the marching.
 */
enum SceneObject {
    CUBE(0.5, 0.87) {
        @Override
        double distance(double x, double y, double z, double s) {
            double h = 0.5 * s;
            double qx = Math.abs(x) - h, qy = Math.abs(y - h) - h, qz = Math.abs(z) - h;
            double outside = length(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0));
            return outside + Math.min(Math.max(qx, Math.max(qy, qz)), 0);
        }
    },
    CYLINDER(0.5, 0.71) {
        @Override
        double distance(double x, double y, double z, double s) {
            double r = 0.5 * s, halfHeight = 0.5 * s;
            double dr = Math.sqrt(x * x + z * z) - r, dy = Math.abs(y - halfHeight) - halfHeight;
            return Math.min(Math.max(dr, dy), 0) + length(Math.max(dr, 0), Math.max(dy, 0), 0);
        }
    },
    SPHERE(0.5, 0.5) {
        @Override
        double distance(double x, double y, double z, double s) {
            return length(x, y - 0.5 * s, z) - 0.5 * s;
        }
    },
    CAPSULE(0.7, 0.7) {
        @Override
        double distance(double x, double y, double z, double s) {
            double r = 0.35 * s;
            double axisY = Math.max(r, Math.min(y, 1.4 * s - r)); // nearest point on the upright core segment
            return length(x, y - axisY, z) - r;
        }
    };

    private final double centreHeight, boundingRadius;

    SceneObject(double centreHeight, double boundingRadius) {
        this.centreHeight = centreHeight;
        this.boundingRadius = boundingRadius;
    }

    /** Signed distance from (x, y, z) to the surface of the object at scale {@code s} (negative inside). */
    abstract double distance(double x, double y, double z, double s);

    /** Height of the bounding sphere's centre at scale {@code s}. */
    double centreHeight(double s) {
        return centreHeight * s;
    }

    /** Radius of a sphere around (0, centreHeight, 0) that contains the object, with a little slack. */
    double boundingRadius(double s) {
        return boundingRadius * s * 1.01 + 1e-3;
    }

    static double length(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }
}
