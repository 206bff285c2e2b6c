package org.disentangle4j.data;

/**
 * Ray-casts the Shapes3D room once per (scale, object, orientation) into colour-free layers: for
 * every pixel, how much of it shows floor, wall and object, each already multiplied by its shading.
 * An image is then {@code floorRGB·floor + wallRGB·wall + objectRGB·object} per pixel, which is all
 * that has to happen per rendered image.
 *
 * <p>The room: a floor plane y = 0, a back wall z = {@value #WALL_Z}, the object at the origin, a
 * fixed directional light that casts shadows. The camera orbits the vertical axis by the
 * orientation angle, looking slightly down at the object, so orientation turns the object and the
 * wall–floor edge in view. Each pixel averages 2×2 rays, so edges are anti-aliased.
 */
final class ShapesScene {
    static final int SIZE = 64;
    static final int FLOOR = 0, WALL = 1, OBJECT = 2;

    private static final double WALL_Z = -3.0;
    private static final double CAMERA_DISTANCE = 4.6, CAMERA_ELEVATION = Math.toRadians(18);
    private static final double TARGET_HEIGHT = 0.55;
    private static final double TAN_HALF_FOV = Math.tan(Math.toRadians(21));
    private static final double[] LIGHT = normalize(0.45, 1.0, 0.45); // towards the light
    private static final double AMBIENT = 0.3, DIFFUSE = 0.7;
    private static final int SUPERSAMPLE = 2;

    private ShapesScene() {}

    /**
     * @return {@code layers[region * SIZE * SIZE + pixel]}: the shaded coverage of floor, wall and
     *     object in each pixel (rows top to bottom)
     */
    static float[] layers(SceneObject object, double scale, double orientationRadians) {
        double[] eye = {
                CAMERA_DISTANCE * Math.cos(CAMERA_ELEVATION) * Math.sin(orientationRadians),
                TARGET_HEIGHT + CAMERA_DISTANCE * Math.sin(CAMERA_ELEVATION),
                CAMERA_DISTANCE * Math.cos(CAMERA_ELEVATION) * Math.cos(orientationRadians)};
        double[] forward = normalize(-eye[0], TARGET_HEIGHT - eye[1], -eye[2]);
        double[] right = normalize(-forward[2], 0, forward[0]); // forward × world-up
        double[] up = cross(right, forward);

        float[] layers = new float[3 * SIZE * SIZE];
        float weight = 1f / (SUPERSAMPLE * SUPERSAMPLE);
        double[] dir = new double[3];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = ((col + (sx + 0.5) / SUPERSAMPLE) / SIZE * 2 - 1) * TAN_HALF_FOV;
                        double py = (1 - (row + (sy + 0.5) / SUPERSAMPLE) / SIZE * 2) * TAN_HALF_FOV;
                        for (int k = 0; k < 3; k++) dir[k] = forward[k] + px * right[k] + py * up[k];
                        double n = SceneObject.length(dir[0], dir[1], dir[2]);
                        for (int k = 0; k < 3; k++) dir[k] /= n;
                        int pixel = row * SIZE + col;
                        castRay(object, scale, eye, dir, layers, pixel, weight);
                    }
                }
            }
        }
        return layers;
    }

    /** Adds one ray's shaded contribution to the layer of whatever it hits first. */
    private static void castRay(SceneObject object, double scale, double[] eye, double[] dir, float[] layers,
                                int pixel, float weight) {
        double tObject = march(object, scale, eye, dir);
        double tFloor = dir[1] < 0 ? -eye[1] / dir[1] : Double.POSITIVE_INFINITY;
        double tWall = dir[2] < 0 ? (WALL_Z - eye[2]) / dir[2] : Double.POSITIVE_INFINITY;
        double t = Math.min(tObject, Math.min(tFloor, tWall));
        if (t == Double.POSITIVE_INFINITY) return; // open sky cannot be seen from the chosen camera range
        double x = eye[0] + t * dir[0], y = eye[1] + t * dir[1], z = eye[2] + t * dir[2];
        int region;
        double[] normal;
        if (t == tObject) {
            region = OBJECT;
            normal = objectNormal(object, scale, x, y, z);
        } else {
            region = t == tFloor ? FLOOR : WALL;
            normal = region == FLOOR ? new double[] {0, 1, 0} : new double[] {0, 0, 1};
        }
        double lambert = Math.max(0, normal[0] * LIGHT[0] + normal[1] * LIGHT[1] + normal[2] * LIGHT[2]);
        if (region != OBJECT && march(object, scale, new double[] {x, y, z}, LIGHT) < Double.POSITIVE_INFINITY) {
            lambert = 0; // the object shadows this point
        }
        layers[region * SIZE * SIZE + pixel] += weight * (float) (AMBIENT + DIFFUSE * lambert);
    }

    /** Sphere-traces a ray against the object; the distance to the hit, or +∞. */
    private static double march(SceneObject object, double scale, double[] from, double[] dir) {
        double cy = object.centreHeight(scale), radius = object.boundingRadius(scale);
        double ox = from[0], oy = from[1] - cy, oz = from[2];
        double b = ox * dir[0] + oy * dir[1] + oz * dir[2];
        double c = ox * ox + oy * oy + oz * oz - radius * radius;
        double disc = b * b - c;
        if (disc < 0) return Double.POSITIVE_INFINITY;
        double root = Math.sqrt(disc);
        double tExit = -b + root;
        if (tExit < 0) return Double.POSITIVE_INFINITY;
        double t = Math.max(-b - root, 1e-3); // start on the bounding sphere, or just off the surface we left
        for (int step = 0; step < 128 && t <= tExit; step++) {
            double d = object.distance(from[0] + t * dir[0], from[1] + t * dir[1], from[2] + t * dir[2], scale);
            if (d < 1e-4) return t;
            t += d;
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double[] objectNormal(SceneObject object, double s, double x, double y, double z) {
        double e = 1e-4;
        return normalize(
                object.distance(x + e, y, z, s) - object.distance(x - e, y, z, s),
                object.distance(x, y + e, z, s) - object.distance(x, y - e, z, s),
                object.distance(x, y, z + e, s) - object.distance(x, y, z - e, s));
    }

    private static double[] normalize(double x, double y, double z) {
        double n = SceneObject.length(x, y, z);
        return new double[] {x / n, y / n, z / n};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
