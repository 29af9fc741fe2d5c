package org.rnn4j.io.torch;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnn4j.io.torch.Pickled.Global;
import org.rnn4j.io.torch.Pickled.Storage;
import org.rnn4j.io.torch.Pickled.TensorView;
import org.rnn4j.io.torch.Pickled.Tuple;

/**
 * An allowlisting unpickler for the {@code data.pkl} of a {@code torch.save} file, after PyTorch's
 * own {@code weights_only=True} loader: only the opcodes a state_dict needs are understood, and a
 * {@code GLOBAL} is only accepted when it names {@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2}, {@code torch._utils._rebuild_parameter} or a storage
 * class. Nothing is ever loaded or executed: globals stay names and {@code REDUCE} is interpreted
 * for those three callables only. Anything else fails with the opcode or global and its offset.
 *
 * <p>Bounded: the value stack, the mark stack (the nesting depth) and the memo have fixed limits,
 * every length is checked against the bytes that remain before anything is allocated, and the
 * machine is a loop (no recursion over the input's depth).
 */
final class Unpickler {
    static final int MAX_STACK = 1 << 20;
    static final int MAX_MARKS = 1000;
    static final int MAX_MEMO = 1 << 20;
    static final int MAX_GLOBAL_LINE = 256;
    static final int MAX_DIMS = 64;

    private static final Set<String> CALLABLES = Set.of("collections.OrderedDict",
            "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter");

    /** Why the pickle is refused; {@code offset} is the byte of the opcode in {@code data.pkl}. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(long offset, String what) {
            super("byte " + offset + ": " + what);
        }
    }

    private final byte[] in;
    private int pos;
    private int opAt;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayList<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Unpickler(byte[] in) {
        this.in = in;
    }

    /** The object {@code pickle} holds: for a state_dict a map from names to {@link TensorView}s. */
    static Object load(byte[] pickle) throws Refused {
        return new Unpickler(pickle).run();
    }

    private Object run() throws Refused {
        while (true) {
            if (pos >= in.length) {
                throw new Refused(pos, "truncated: the pickle ends before its STOP opcode");
            }
            opAt = pos;
            int op = in[pos++] & 0xff;
            switch (op) {
                case 0x80 -> { // PROTO
                    int proto = u8();
                    if (proto < 2 || proto > 5) {
                        throw refused("pickle protocol " + proto + " is not supported (torch.save writes 2)");
                    }
                }
                case 0x95 -> { // FRAME (protocol 4): a length hint, the opcodes follow inline
                    need(8);
                    pos += 8;
                }
                case '.' -> { // STOP
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw refused("STOP with " + stack.size() + " values and " + marks.size() + " open MARKs; expected one value");
                    }
                    return stack.get(0);
                }
                case '(' -> { // MARK
                    if (marks.size() >= MAX_MARKS) {
                        throw refused("MARK nesting deeper than " + MAX_MARKS);
                    }
                    marks.add(stack.size());
                }
                case '}' -> push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
                case ']' -> push(new ArrayList<Object>()); // EMPTY_LIST
                case ')' -> push(new Tuple(List.of())); // EMPTY_TUPLE
                case 't' -> push(new Tuple(popMark())); // TUPLE
                case 0x85 -> push(new Tuple(popN(1))); // TUPLE1
                case 0x86 -> push(new Tuple(popN(2))); // TUPLE2
                case 0x87 -> push(new Tuple(popN(3))); // TUPLE3
                case 'X' -> push(utf8(u32())); // BINUNICODE
                case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
                case 'J' -> push((long) (int) u32le()); // BININT
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) (u8() | u8() << 8)); // BININT2
                case 0x8a -> push(long1()); // LONG1
                case 'G' -> { // BINFLOAT, big-endian
                    need(8);
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = bits << 8 | (in[pos++] & 0xff);
                    }
                    push(Double.longBitsToDouble(bits));
                }
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 'N' -> push(Pickled.None.NONE); // NONE
                case 'Q' -> push(persistentLoad(pop())); // BINPERSID
                case 'c' -> push(global(line(), line())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL (protocol 4): the same allowlist, names from the stack
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw refused("STACK_GLOBAL needs two strings");
                    }
                    push(global(m, n));
                }
                case 'R' -> { // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    push(reduce(callable, args));
                }
                case 'b' -> { // BUILD
                    Object state = pop();
                    Object target = peek();
                    if (!(target instanceof Map<?, ?>) && !(target instanceof TensorView)) {
                        throw refused("BUILD on a " + kind(target) + " (only an OrderedDict or a tensor may be built)");
                    }
                    // the state (an OrderedDict's _metadata, a tensor's Python attributes) is not needed
                    if (state instanceof Storage || state instanceof Global) {
                        throw refused("BUILD with a " + kind(state) + " as state");
                    }
                }
                case 's' -> { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dictAt(stack.size() - 1).put(key(k), v);
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popMark();
                    if (items.size() % 2 != 0) {
                        throw refused("SETITEMS with an odd number of values");
                    }
                    Map<Object, Object> d = dictAt(stack.size() - 1);
                    for (int i = 0; i < items.size(); i += 2) {
                        d.put(key(items.get(i)), items.get(i + 1));
                    }
                }
                case 'a' -> { // APPEND
                    Object v = pop();
                    listAt(stack.size() - 1).add(v);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popMark();
                    listAt(stack.size() - 1).addAll(items);
                }
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(u32())); // LONG_BINGET
                case 'q' -> memoPut(u8()); // BINPUT
                case 'r' -> memoPut(u32()); // LONG_BINPUT
                case 0x94 -> memoPut(memo.size()); // MEMOIZE
                default -> throw refused("opcode " + Opcodes.name(op) + " is not allowed in a state_dict pickle");
            }
        }
    }

    private Refused refused(String what) {
        return new Refused(opAt, what + " (nothing was executed)");
    }

    private void need(long n) throws Refused {
        if (n < 0 || n > in.length - pos) {
            throw refused(Opcodes.name(in[opAt] & 0xff) + " needs " + n + " bytes but only " + (in.length - pos) + " remain");
        }
    }

    private int u8() throws Refused {
        need(1);
        return in[pos++] & 0xff;
    }

    private long u32le() throws Refused {
        need(4);
        long v = (in[pos] & 0xffL) | (in[pos + 1] & 0xffL) << 8 | (in[pos + 2] & 0xffL) << 16 | (in[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    private long u32() throws Refused {
        return u32le();
    }

    private String utf8(long n) throws Refused {
        need(n);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in, pos, (int) n)).toString();
            pos += (int) n;
            return s;
        } catch (CharacterCodingException e) {
            throw refused("string of " + n + " bytes is not valid UTF-8");
        }
    }

    private Long long1() throws Refused {
        int n = u8();
        if (n > 8) {
            throw refused("LONG1 of " + n + " bytes: integers wider than 64 bits are not supported");
        }
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (in[pos + i] & 0xff);
        }
        if (n > 0 && n < 8 && (in[pos + n - 1] & 0x80) != 0) {
            v -= 1L << (8 * n); // two's complement sign
        }
        pos += n;
        return v;
    }

    /** A newline-terminated ASCII line of a GLOBAL, at most {@value #MAX_GLOBAL_LINE} characters. */
    private String line() throws Refused {
        int start = pos;
        int limit = Math.min(in.length, pos + MAX_GLOBAL_LINE + 1);
        for (int i = start; i < limit; i++) {
            if (in[i] == '\n') {
                pos = i + 1;
                for (int j = start; j < i; j++) {
                    if (in[j] < 0x20 || in[j] > 0x7e) {
                        throw refused("GLOBAL name is not printable ASCII");
                    }
                }
                return new String(in, start, i - start, StandardCharsets.US_ASCII);
            }
        }
        throw refused("GLOBAL name without a newline within " + MAX_GLOBAL_LINE + " bytes");
    }

    private Object global(String module, String name) throws Refused {
        Global g = new Global(module, name);
        if (CALLABLES.contains(g.dotted()) || StorageType.ofGlobal(module, name).isPresent()) {
            return g;
        }
        throw refused("GLOBAL " + g.dotted() + " is not allowed: a state_dict may only name collections.OrderedDict, "
                + "torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and the torch storage classes");
    }

    private Object reduce(Object callable, Object args) throws Refused {
        if (!(callable instanceof Global g) || !CALLABLES.contains(g.dotted())) {
            throw refused("REDUCE of " + (callable instanceof Global g ? g.dotted() : "a " + kind(callable))
                    + " is not allowed: only collections.OrderedDict, torch._utils._rebuild_tensor_v2 and "
                    + "torch._utils._rebuild_parameter may be called");
        }
        if (!(args instanceof Tuple t)) {
            throw refused("REDUCE of " + g.dotted() + " with a " + kind(args) + " instead of an argument tuple");
        }
        List<Object> a = t.items();
        switch (g.dotted()) {
            case "collections.OrderedDict" -> {
                if (!a.isEmpty()) {
                    throw refused("collections.OrderedDict called with arguments (only OrderedDict() is allowed)");
                }
                return new LinkedHashMap<Object, Object>();
            }
            case "torch._utils._rebuild_parameter" -> {
                if (a.size() != 3 || !(a.get(0) instanceof TensorView v)) {
                    throw refused("_rebuild_parameter expects (tensor, requires_grad, hooks)");
                }
                return v;
            }
            default -> {
                return rebuildTensor(a);
            }
        }
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks[, metadata])}. */
    private TensorView rebuildTensor(List<Object> a) throws Refused {
        if (a.size() < 6 || a.size() > 7 || !(a.get(0) instanceof Storage s) || !(a.get(1) instanceof Long offset)
                || !(a.get(2) instanceof Tuple size) || !(a.get(3) instanceof Tuple stride)) {
            throw refused("_rebuild_tensor_v2 expects (storage, storage_offset, size, stride, requires_grad, hooks)");
        }
        if (size.items().size() != stride.items().size() || size.items().size() > MAX_DIMS) {
            throw refused("_rebuild_tensor_v2 with " + size.items().size() + " sizes and " + stride.items().size()
                    + " strides (at most " + MAX_DIMS + ")");
        }
        long[] sz = longs(size, "size");
        long[] st = longs(stride, "stride");
        if (offset < 0) {
            throw refused("negative storage offset " + offset);
        }
        return new TensorView(s, offset, sz, st);
    }

    private long[] longs(Tuple t, String what) throws Refused {
        long[] out = new long[t.items().size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.items().get(i) instanceof Long v) || v < 0) {
                throw refused("tensor " + what + " must be non-negative integers");
            }
            out[i] = v;
        }
        return out;
    }

    /** {@code ('storage', torch.FloatStorage, key, location, numel)}, the only persistent id torch.save writes. */
    private Storage persistentLoad(Object pid) throws Refused {
        if (!(pid instanceof Tuple t) || t.items().size() != 5 || !"storage".equals(t.items().get(0))
                || !(t.items().get(1) instanceof Global g) || !(t.items().get(2) instanceof String key)
                || !(t.items().get(3) instanceof String) || !(t.items().get(4) instanceof Long numel)) {
            throw refused("persistent id of the wrong form (expected ('storage', <storage class>, key, location, numel))");
        }
        StorageType type = StorageType.ofGlobal(g.module(), g.name()).orElseThrow(
                () -> refused("persistent id names " + g.dotted() + ", not a storage class"));
        if (!key.matches("[A-Za-z0-9_]{1,64}")) {
            throw refused("storage key must be letters, digits or '_' (at most 64)");
        }
        if (numel < 0) {
            throw refused("storage of negative size " + numel);
        }
        return new Storage(type, key, numel);
    }

    private void push(Object v) throws Refused {
        if (stack.size() >= MAX_STACK) {
            throw refused("more than " + MAX_STACK + " values on the pickle stack");
        }
        stack.add(v);
    }

    private Object pop() throws Refused {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw refused(Opcodes.name(in[opAt] & 0xff) + " on an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws Refused {
        Object v = pop();
        stack.add(v);
        return v;
    }

    private List<Object> popN(int n) throws Refused {
        Object[] out = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = pop();
        }
        return List.of(out);
    }

    private List<Object> popMark() throws Refused {
        if (marks.isEmpty()) {
            throw refused(Opcodes.name(in[opAt] & 0xff) + " without a MARK");
        }
        int at = marks.remove(marks.size() - 1);
        List<Object> sub = stack.subList(at, stack.size());
        List<Object> items = new ArrayList<>(sub);
        sub.clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictAt(int i) throws Refused {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (i < floor || !(stack.get(i) instanceof Map<?, ?>)) {
            throw refused(Opcodes.name(in[opAt] & 0xff) + " without a dict to set items in");
        }
        return (Map<Object, Object>) stack.get(i);
    }

    @SuppressWarnings("unchecked")
    private List<Object> listAt(int i) throws Refused {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (i < floor || !(stack.get(i) instanceof ArrayList<?>)) {
            throw refused(Opcodes.name(in[opAt] & 0xff) + " without a list to append to");
        }
        return (List<Object>) stack.get(i);
    }

    /** Dict keys are scalars only, so hashing never walks an attacker's structure. */
    private Object key(Object k) throws Refused {
        if (k instanceof String || k instanceof Long || k instanceof Boolean || k instanceof Double || k == Pickled.None.NONE) {
            return k;
        }
        throw refused("dict key of type " + kind(k) + " (only strings and numbers are allowed)");
    }

    private Object memoGet(long i) throws Refused {
        Object v = memo.get(i);
        if (v == null) {
            throw refused("memo index " + i + " was never stored (" + memo.size() + " entries)");
        }
        return v;
    }

    private void memoPut(long i) throws Refused {
        if (memo.size() >= MAX_MEMO && !memo.containsKey(i)) {
            throw refused("more than " + MAX_MEMO + " memo entries");
        }
        memo.put(i, peek());
    }

    /** A short type name for messages; never the value (which may be huge or self-referencing). */
    static String kind(Object v) {
        if (v instanceof String) {
            return "str";
        } else if (v instanceof Long) {
            return "int";
        } else if (v instanceof Double) {
            return "float";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof Map<?, ?>) {
            return "dict";
        } else if (v instanceof List<?>) {
            return "list";
        } else if (v instanceof Tuple) {
            return "tuple";
        } else if (v instanceof Global g) {
            return "global " + g.dotted();
        } else if (v instanceof Storage) {
            return "storage";
        } else if (v instanceof TensorView) {
            return "tensor";
        }
        return "None";
    }
}
