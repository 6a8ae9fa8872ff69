package io.github.dovelint.spec;

/** A companion core's index key: an fd of one fd table. */
public record IndexKey(int files, int fd) implements Comparable<IndexKey> {
    @Override
    public int compareTo(IndexKey o) {
        int c = Integer.compare(files, o.files);
        return c != 0 ? c : Integer.compare(fd, o.fd);
    }

    @Override
    public String toString() {
        return "F" + files + ":" + fd;
    }
}
