package org.disentangle4j.data;

/**
 * A directed acyclic graph over the factors: {@code adjacency[k][j]} is true when k → j.
 */
public record CausalGraph(boolean[][] adjacency) {

    public CausalGraph {
        int n = adjacency.length;
        for (boolean[] row : adjacency) {
            if (row.length != n) throw new IllegalArgumentException("adjacency must be square");
        }
        if (topologicalOrder(adjacency) == null) throw new IllegalArgumentException("graph has a cycle");
    }

    public int numNodes() {
        return adjacency.length;
    }

    public boolean hasEdge(int from, int to) {
        return adjacency[from][to];
    }

    /** Nodes in an order where every parent comes before its children. */
    public int[] topologicalOrder() {
        return topologicalOrder(adjacency);
    }

    private static int[] topologicalOrder(boolean[][] a) {
        int n = a.length;
        int[] inDegree = new int[n];
        for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) if (a[k][j]) inDegree[j]++;
        int[] order = new int[n];
        int head = 0, tail = 0;
        for (int j = 0; j < n; j++) if (inDegree[j] == 0) order[tail++] = j;
        while (head < tail) {
            int k = order[head++];
            for (int j = 0; j < n; j++) {
                if (a[k][j] && --inDegree[j] == 0) order[tail++] = j;
            }
        }
        return tail == n ? order : null;
    }
}
