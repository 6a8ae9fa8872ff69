package io.github.dovelint.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks a recorded sequence of hook calls against the spec. The trace is
 * JSON lines, one hook call each:
 *
 * <pre>{"hook":"install","fd":3,"files":1,"file":7,"oob":true,"task":"T1"}</pre>
 *
 * with {@code hook} one of install, replace, uninstall (or the C names),
 * {@code files} and {@code file} ids (numbers), {@code task} a name or number,
 * and optionally {@code "index":[[files,fd,file],...]}, the recording core's
 * index after the call. Blank lines and lines starting with {@code //} are
 * skipped.
 *
 * <p>A divergence is a call the VFS never makes (install on an fd that is
 * open, uninstall passing another file than the fd holds, a file whose oob
 * pointer changes while it is installed) or a recorded index that differs
 * from the reference core's after the same calls. uninstall and replace for
 * an fd the trace never showed are fine: a fork child's fds are never
 * installed.
 */
public final class TraceChecker {

    /** The report and whether the trace conforms. */
    public record Result(String text, boolean ok, int steps) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceChecker() {
    }

    public static Result check(String source, String text) throws ScenarioException {
        ReferenceCore reference = new ReferenceCore();
        Map<IndexKey, Integer> open = new HashMap<>();
        Map<Integer, Boolean> oobOf = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        int step = 0;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank() || raw.strip().startsWith("//")) {
                continue;
            }
            int lineNo = i + 1;
            step++;
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
                throw new ScenarioException(source, lineNo, col, "not JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new ScenarioException(source, lineNo, 1, "expected a JSON object {hook, fd, files, file, oob, task}");
            }
            String hookName = field(source, lineNo, raw, node, "hook").asText();
            Hook hook = node.get("hook").isTextual() ? Hook.parse(hookName) : null;
            if (hook == null) {
                throw error(source, lineNo, raw, "hook", "'hook' must be install, replace or uninstall, found " + node.get("hook"));
            }
            int fd = number(source, lineNo, raw, node, "fd");
            int files = number(source, lineNo, raw, node, "files");
            int file = number(source, lineNo, raw, node, "file");
            JsonNode oobNode = field(source, lineNo, raw, node, "oob");
            if (!oobNode.isBoolean()) {
                throw error(source, lineNo, raw, "oob", "'oob' must be true or false");
            }
            JsonNode task = field(source, lineNo, raw, node, "task");
            if (!task.isTextual() && !task.isIntegralNumber()) {
                throw error(source, lineNo, raw, "task", "'task' must be a name or a number");
            }
            boolean oob = oobNode.booleanValue();
            IndexKey key = new IndexKey(files, fd);
            String at = source + ":" + lineNo + ": step " + step + ": ";
            String what = hook.shortName() + "(fd=" + fd + ", file=#" + file + (oob ? " oob" : " plain") + ", files=F" + files
                    + ") by " + task.asText();

            Boolean known = oobOf.get(file);
            if (known != null && known != oob && open.containsValue(file)) {
                return diverge(at, what, "file #" + file + " was " + (known ? "oob-capable" : "plain")
                        + " when it was installed; a file's oob pointer is set in .open and cleared in .release only", step);
            }
            oobOf.put(file, oob);
            Integer there = open.get(key);
            switch (hook) {
                case INSTALL -> {
                    if (there != null) {
                        return diverge(at, what, "F" + files + ":" + fd + " is open with #" + there
                                + "; fd_install() only fills a free fd (a missing uninstall?)", step);
                    }
                    open.put(key, file);
                }
                case REPLACE -> open.put(key, file);
                case UNINSTALL -> {
                    if (there != null && there != file) {
                        return diverge(at, what, "F" + files + ":" + fd + " holds #" + there
                                + "; uninstall passes the file that was at the fd", step);
                    }
                    open.remove(key);
                }
            }
            ReferenceCore.deliver(reference, new HookCall(hook, fd, new FileRef(file, oob), files, null));
            if (node.has("index")) {
                SortedMap<IndexKey, Integer> recorded = index(source, lineNo, raw, node.get("index"));
                if (!recorded.equals(reference.index())) {
                    return diverge(at, what, "the recorded index is " + CompanionCore.render(recorded)
                            + ", the reference core's is " + CompanionCore.render(reference.index()), step);
                }
            }
        }
        return new Result(source + ": " + step + (step == 1 ? " hook call conforms" : " hook calls conform") + " to the spec; reference index: " + CompanionCore.render(reference.index()) + "\n", true, step);
    }

    private static Result diverge(String at, String what, String why, int step) {
        return new Result(at + "first divergence: " + what + ": " + why + "\n", false, step);
    }

    private static SortedMap<IndexKey, Integer> index(String source, int line, String raw, JsonNode index)
            throws ScenarioException {
        if (!index.isArray()) {
            throw error(source, line, raw, "index", "'index' must be an array of [files, fd, file]");
        }
        TreeMap<IndexKey, Integer> out = new TreeMap<>();
        for (JsonNode e : index) {
            if (!e.isArray() || e.size() != 3 || !e.get(0).canConvertToInt() || !e.get(1).canConvertToInt()
                    || !e.get(2).canConvertToInt()) {
                throw error(source, line, raw, "index", "'index' entries must be [files, fd, file] numbers, found " + e);
            }
            out.put(new IndexKey(e.get(0).intValue(), e.get(1).intValue()), e.get(2).intValue());
        }
        return out;
    }

    private static JsonNode field(String source, int line, String raw, JsonNode node, String name) throws ScenarioException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new ScenarioException(source, line, 1, "missing field '" + name + "' (expected hook, fd, files, file, oob, task)");
        }
        return v;
    }

    private static int number(String source, int line, String raw, JsonNode node, String name) throws ScenarioException {
        JsonNode v = field(source, line, raw, node, name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw error(source, line, raw, name, "'" + name + "' must be a non-negative integer, found " + v);
        }
        return v.intValue();
    }

    private static ScenarioException error(String source, int line, String raw, String field, String message) {
        int col = Optional.of(raw.indexOf("\"" + field + "\"")).filter(c -> c >= 0).orElse(0) + 1;
        return new ScenarioException(source, line, col, message);
    }
}
