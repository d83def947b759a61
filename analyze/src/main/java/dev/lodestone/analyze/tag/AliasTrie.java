package dev.lodestone.analyze.tag;

import java.util.Arrays;

/**
 * A char trie over the folded forms of every alias and excluded phrase, built once per watch-list, so tagging
 * walks the text once from each word start instead of running one search per alias.
 *
 * <p>Children of the root sit in a table indexed by char, which rejects most words on their first letter;
 * deeper children sit in one open-addressing hash keyed by (node, char), which stays small and cache-friendly.
 */
final class AliasTrie {
    static final int NONE = -1;

    private final int[] rootChildren = new int[0x10000];
    private long[] keys = new long[1024];
    private int[] children = new int[1024];
    private int entries;
    private int nodes = 1;
    private Alias[][] outputs = new Alias[64][];

    AliasTrie() {
        Arrays.fill(rootChildren, NONE);
        Arrays.fill(keys, -1L);
    }

    /** Adds {@code alias} under its folded form. */
    void add(String folded, Alias alias) {
        int node = 0;
        for (int i = 0; i < folded.length(); i++) {
            int next = child(node, folded.charAt(i));
            if (next == NONE) {
                next = nodes++;
                if (next == outputs.length) {
                    outputs = Arrays.copyOf(outputs, next * 2);
                }
                link(node, folded.charAt(i), next);
            }
            node = next;
        }
        Alias[] here = outputs[node] == null ? new Alias[0] : outputs[node];
        outputs[node] = Arrays.copyOf(here, here.length + 1);
        outputs[node][here.length] = alias;
    }

    int child(int node, char c) {
        if (node == 0) {
            return rootChildren[c];
        }
        long key = ((long) node << 16) | c;
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return children[i];
            }
            if (keys[i] == -1L) {
                return NONE;
            }
        }
    }

    /** What ends at {@code node}; {@code null} for most nodes. */
    Alias[] outputs(int node) {
        return outputs[node];
    }

    private void link(int node, char c, int child) {
        if (node == 0) {
            rootChildren[c] = child;
            return;
        }
        if (2 * (entries + 1) > keys.length) {
            grow();
        }
        put(((long) node << 16) | c, child);
    }

    private void put(long key, int child) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != -1L) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        children[i] = child;
        entries++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        children = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        entries = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                put(oldKeys[i], oldChildren[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
