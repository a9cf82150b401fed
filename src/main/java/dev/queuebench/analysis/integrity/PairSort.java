package dev.queuebench.analysis.integrity;

/** Sorts long keys with an int carried alongside each (a merge sort: n log n, no boxing). */
final class PairSort {
    private PairSort() {
    }

    static void sort(long[] keys, int[] values, int n) {
        sort(keys, values, new long[n], new int[n], 0, n);
    }

    private static void sort(long[] keys, int[] values, long[] keyTmp, int[] valueTmp, int from, int to) {
        if (to - from < 32) {
            for (int i = from + 1; i < to; i++) {
                long key = keys[i];
                int value = values[i];
                int j = i - 1;
                while (j >= from && keys[j] > key) {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    j--;
                }
                keys[j + 1] = key;
                values[j + 1] = value;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(keys, values, keyTmp, valueTmp, from, mid);
        sort(keys, values, keyTmp, valueTmp, mid, to);
        if (keys[mid - 1] <= keys[mid]) {
            return;
        }
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (keys[j] < keys[i]) {
                keyTmp[k] = keys[j];
                valueTmp[k++] = values[j++];
            } else {
                keyTmp[k] = keys[i];
                valueTmp[k++] = values[i++];
            }
        }
        while (i < mid) {
            keyTmp[k] = keys[i];
            valueTmp[k++] = values[i++];
        }
        while (j < to) {
            keyTmp[k] = keys[j];
            valueTmp[k++] = values[j++];
        }
        System.arraycopy(keyTmp, from, keys, from, to - from);
        System.arraycopy(valueTmp, from, values, from, to - from);
    }
}
