package io.github.dovelint.eclipse.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/**
 * A generated project of a few hundred C files: {@code core.c} holds a hook that calls the
 * {@code evl_work_NNN()} of the first {@link #REACHED} files of {@code evl/}; each of those
 * files has a little arithmetic and a {@code udelay()}, except that {@link #SLEEPER} calls
 * {@code msleep()} instead (one DL101 finding, reached from the hook).
 */
final class GeneratedProject {

    static final int FILES = 300;
    static final int REACHED = 120;
    static final int SLEEPER = 7;
    /** The line of the {@code udelay()}/{@code msleep()} call in a generated file, and its column. */
    static final int CALL_LINE = 21;
    static final int CALL_COLUMN = 3;

    private GeneratedProject() {
    }

    static IProject create(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        IFolder evl = project.getFolder("evl");
        evl.create(true, true, null);
        for (int i = 0; i < FILES; i++) {
            write(file(project, i), source(i, i == SLEEPER ? "msleep(1);" : "udelay(2);"));
        }
        StringBuilder core = new StringBuilder("/* generated: the hook calls the helpers */\n");
        for (int i = 0; i < REACHED; i++) {
            core.append(String.format("void evl_work_%03d(unsigned int fd);%n", i));
        }
        core.append("\nvoid install_inband_fd(unsigned int fd, struct file *filp, struct files_struct *files)\n{\n");
        for (int i = 0; i < REACHED; i++) {
            core.append(String.format("\tevl_work_%03d(fd);%n", i));
        }
        core.append("}\n");
        write(project.getFile("core.c"), core.toString());
        return project;
    }

    static IFile file(IProject project, int i) {
        return project.getFile(String.format("evl/file_%03d.c", i));
    }

    /** A helper file whose call on {@link #CALL_LINE} is {@code call}. */
    static String source(int i, String call) {
        String n = String.format("%03d", i);
        return "/* generated: helper " + n + " */\n"                    // 1
                + "#include <linux/delay.h>\n"                          // 2
                + "\n"                                                   // 3
                + "struct evl_item_" + n + " {\n"                        // 4
                + "\tint state;\n"                                       // 5
                + "\tunsigned int count;\n"                              // 6
                + "};\n"                                                 // 7
                + "\n"                                                   // 8
                + "static int evl_prepare_" + n + "(struct evl_item_" + n + " *item, unsigned int fd)\n" // 9
                + "{\n"                                                  // 10
                + "\tint i, sum = 0;\n"                                  // 11
                + "\tfor (i = 0; i < 8; i++)\n"                          // 12
                + "\t\tsum += item->count * i + fd;\n"                   // 13
                + "\titem->state = sum & 0xff;\n"                        // 14
                + "\treturn item->state;\n"                              // 15
                + "}\n"                                                  // 16
                + "void evl_work_" + n + "(unsigned int fd)\n"           // 17
                + "{\n"                                                  // 18
                + "\tstruct evl_item_" + n + " item = { 0, fd };\n"      // 19
                + "\tif (evl_prepare_" + n + "(&item, fd) > 3)\n"         // 20
                + "\t\t" + call + "\n"                                   // 21
                + "}\n";                                                 // 22
    }

    static void write(IFile file, String text) throws CoreException {
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, true, null);
        }
    }
}
