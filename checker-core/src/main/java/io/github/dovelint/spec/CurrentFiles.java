package io.github.dovelint.spec;

/** What {@code current->files} is, relative to the hook's {@code files} argument, on entry. */
public enum CurrentFiles {
    /** {@code current->files == files}. */
    SAME("files"),
    /** {@code current->files == NULL} (the task is exiting). */
    NULL("NULL"),
    /** {@code current->files} is another task's or another fd table. */
    OTHER("another table");

    private final String label;

    CurrentFiles(String label) {
        this.label = label;
    }

    /** How tables and explanations print it. */
    public String label() {
        return label;
    }
}
