package io.github.dovelint.facts;

import io.github.dovelint.model.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTMacroExpansionLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTNodeLocation;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignator;
import org.eclipse.cdt.core.dom.ast.c.ICASTFieldDesignator;

/**
 * Walks one translation unit's AST once and records, per function definition,
 * the facts the rules run on. This is the only class that looks at CDT
 * statements and expressions; everything downstream works on facts.
 */
public final class FactExtractor {

    /** Calls to these are the prelude's own iterator plumbing, never user calls. */
    private static final String PRELUDE_PREFIX = "__dl_";

    private final SourcePositions positions;
    private final OobPaths oobPaths;
    private final GuardClasses guardClasses;
    /** Whether the unit's text has a lock annotation ({@link LockAnnotations}) anywhere. */
    private boolean annotated;
    /** The unit's comments, for the preconditions they document. */
    private CallerHolds callerHolds;

    /**
     * @param positions turns nodes into locations
     * @param oobFields the member paths of struct file's oob pointer to track ({@code oob_data},
     *                  {@code f_oob_ctx}, {@code f_oob_state.data}; see {@link OobPaths}); no guard
     *                  class is known (the knowledge base's are given to the other constructor)
     */
    public FactExtractor(SourcePositions positions, Set<String> oobFields) {
        this(positions, oobFields, GuardClasses.none());
    }

    /**
     * @param positions    turns nodes into locations
     * @param oobFields    the member paths of struct file's oob pointer to track
     * @param guardClasses what {@code guard(c)}, {@code scoped_guard(c, ...)} and {@code CLASS(c, v)} mean
     */
    public FactExtractor(SourcePositions positions, Set<String> oobFields, GuardClasses guardClasses) {
        this.positions = positions;
        this.oobPaths = OobPaths.of(oobFields);
        this.guardClasses = guardClasses;
    }

    /** Extracts the facts of a translation unit whose main file is {@code file} (relative). */
    public UnitFacts extract(String file, IASTTranslationUnit tu) {
        List<FunctionFacts> functions = new ArrayList<>();
        List<FieldBinding> bindings = new ArrayList<>();
        List<GlobalVar> globals = new ArrayList<>();
        String raw = tu.getRawSignature();
        // contains() first: the regular expression over every file of a tree is a cost of its own
        annotated = (raw.contains("__must_hold") || raw.contains("__releases"))
                && LockAnnotations.HELD_ON_ENTRY.matcher(raw).find();
        callerHolds = new CallerHolds(tu);
        for (IASTDeclaration decl : tu.getDeclarations()) {
            if (decl.getFileLocation() == null) {
                continue;
            }
            if (decl instanceof IASTFunctionDefinition def) {
                FunctionFacts facts = function(def);
                if (facts != null) {
                    functions.add(facts);
                }
            } else if (decl instanceof IASTSimpleDeclaration simple && !isPrelude(decl)) {
                boolean isStatic = simple.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static;
                for (IASTDeclarator d : simple.getDeclarators()) {
                    collectInitializerBindings(d, bindings);
                    collectGlobal(d, isStatic, globals);
                }
            }
        }
        return new UnitFacts(file, functions, bindings, globals);
    }

    private boolean isPrelude(IASTNode node) {
        String name = node.getFileLocation() == null ? "" : node.getFileLocation().getFileName();
        return name.startsWith("/<dovelint>") || io.github.dovelint.parse.Prelude.isFromPrelude(node);
    }

    private FunctionFacts function(IASTFunctionDefinition def) {
        IASTFunctionDeclarator declarator = def.getDeclarator();
        IASTDeclarator inner = innermost(declarator);
        String name = inner.getName().toString();
        if (name.isEmpty() || isPrelude(def)) {
            return null;
        }
        Location location = positions.of(inner.getName());
        if (location == null) {
            return null;
        }
        IASTDeclSpecifier spec = def.getDeclSpecifier();
        boolean isStatic = spec.getStorageClass() == IASTDeclSpecifier.sc_static;
        boolean isInline = spec.isInline();
        boolean isWeak = io.github.dovelint.parse.Attributes.isWeak(def);
        List<Param> params = new ArrayList<>();
        if (declarator instanceof IASTStandardFunctionDeclarator std) {
            for (IASTParameterDeclaration p : std.getParameters()) {
                String pname = innermost(p.getDeclarator()).getName().toString();
                params.add(new Param(pname, TypeText.of(p)));
            }
        }
        if (params.size() == 1 && params.get(0).name().isEmpty() && params.get(0).type().equals("void")) {
            params.clear();
        }
        BodyVisitor body = new BodyVisitor();
        if (def.getBody() != null) {
            body.collectAliases(def.getBody());
            def.getBody().accept(body);
        }
        List<CallFact> releases = new ArrayList<>();
        Cfg cfg = def.getBody() == null ? Cfg.UNAVAILABLE
                : CfgBuilder.build(def.getBody(), positions, body.callNodes, body.cleanups, releases);
        List<CallFact> calls = body.calls;
        if (!releases.isEmpty()) {
            calls = new ArrayList<>(calls); // the scope-end cleanups are calls too (docs/contracts.md#c55-uninstall-never-frees-it)
            calls.addAll(releases);
        }
        List<CallFact> held = annotated && def.getBody() != null
                ? LockAnnotations.heldOnEntry(head(def), location) : List.of();
        if (!held.isEmpty()) {
            List<CallFact> made = calls;
            calls = new ArrayList<>(held);
            calls.addAll(made);
            cfg = enteredWith(cfg, held);
        }
        return new FunctionFacts(name, location, isStatic, isInline, isWeak, TypeText.returnType(def), params,
                calls, body.currentUses, body.locals, body.bindings, lockOps(calls), body.oobAccesses,
                cfg, callerHolds.of(def));
    }

    /** The text of a definition before its body: its specifiers, declarator and annotations. */
    private static String head(IASTFunctionDefinition def) {
        String all = def.getRawSignature();
        String body = def.getBody().getRawSignature();
        return all.endsWith(body) ? all.substring(0, all.length() - body.length()) : "";
    }

    /** The graph with {@code calls} made on entry, before anything else. */
    private static Cfg enteredWith(Cfg cfg, List<CallFact> calls) {
        if (!cfg.available()) {
            return cfg;
        }
        List<Cfg.Event> events = new ArrayList<>();
        for (CallFact c : calls) {
            events.add(new Cfg.Call(c, LockApis.classify(c)));
        }
        Cfg.Block entry = cfg.block(Cfg.ENTRY);
        events.addAll(entry.events());
        List<Cfg.Block> blocks = new ArrayList<>(cfg.blocks());
        blocks.set(Cfg.ENTRY, new Cfg.Block(Cfg.ENTRY, events, entry.successors()));
        return new Cfg(blocks);
    }

    private static List<LockOp> lockOps(List<CallFact> calls) {
        List<LockOp> out = new ArrayList<>();
        for (CallFact c : calls) {
            LockOp op = LockApis.classify(c);
            if (op != null) {
                out.add(op);
            }
        }
        return out;
    }

    static IASTDeclarator innermost(IASTDeclarator d) {
        IASTDeclarator cur = d;
        for (int i = 0; i < 32 && cur.getNestedDeclarator() != null; i++) {
            cur = cur.getNestedDeclarator();
        }
        return cur;
    }

    private void collectInitializerBindings(IASTDeclarator d, List<FieldBinding> out) {
        IASTInitializer init = d.getInitializer();
        if (!(init instanceof IASTEqualsInitializer eq)) {
            return;
        }
        if (eq.getInitializerClause() instanceof IASTInitializerList list) {
            IType type = variableType(innermost(d));
            collectListBindings(list, compositeOf(type), tagOf(type), out, 0, ownerOf(d));
        }
    }

    private static void collectGlobal(IASTDeclarator d, boolean isStatic, List<GlobalVar> out) {
        if (!(d.getInitializer() instanceof IASTEqualsInitializer eq)
                || eq.getInitializerClause() instanceof IASTInitializerList) {
            return;
        }
        String name = innermost(d).getName().toString();
        if (!name.isEmpty()) {
            out.add(new GlobalVar(name, isStatic, ExprBuilder.build(eq.getInitializerClause())));
        }
    }

    /** The variable an initializer belongs to: its name and where the name is written. */
    private record Owner(String name, Location at) {
    }

    private Owner ownerOf(IASTDeclarator d) {
        IASTDeclarator inner = innermost(d);
        return new Owner(inner.getName().toString(), positions.of(inner.getName()));
    }

    /**
     * The bindings of an initializer list of a struct of type {@code type}, named {@code tag}
     * ({@link #tagOf}; a nested anonymous struct is named after its member, {@code evl_clock.ops}).
     */
    private void collectListBindings(IASTInitializerList list, ICompositeType type, String tag,
                                     List<FieldBinding> out, int depth, Owner owner) {
        if (depth > 16) {
            return;
        }
        for (IASTInitializerClause clause : list.getClauses()) {
            if (clause instanceof ICASTDesignatedInitializer di) {
                ICASTDesignator[] designators = di.getDesignators();
                ICASTDesignator last = designators.length == 0 ? null : designators[designators.length - 1];
                IASTInitializerClause operand = di.getOperand();
                if (last instanceof ICASTFieldDesignator fd) {
                    String field = fd.getName().toString();
                    if (operand instanceof IASTInitializerList nested) {
                        IType member = fieldType(type, field);
                        String memberTag = tagOf(member);
                        collectListBindings(nested, compositeOf(member),
                                memberTag != null || tag == null ? memberTag : tag + "." + field, out, depth + 1, owner);
                    } else {
                        bind(tag, field, operand, out, owner);
                    }
                } else if (operand instanceof IASTInitializerList nested) {
                    // [i] = { ... } in an array of structs
                    collectListBindings(nested, type, tag, out, depth + 1, owner);
                }
            } else if (clause instanceof IASTInitializerList nested) {
                collectListBindings(nested, type, tag, out, depth + 1, owner); // element of an array of structs
            }
        }
    }

    private void bind(String tag, String field, IASTInitializerClause value, List<FieldBinding> out, Owner owner) {
        Expr e = ExprBuilder.build(value);
        String fn = Expr.functionRef(e);
        if (fn != null) {
            Location loc = positions.of(value);
            if (loc != null) {
                out.add(new FieldBinding(tag == null || tag.isEmpty() ? null : tag, field, fn, loc,
                        owner == null ? null : owner.name(), owner == null ? null : owner.at()));
            }
        }
    }

    private static IType variableType(IASTDeclarator d) {
        try {
            IBinding b = d.getName().resolveBinding();
            return b instanceof IVariable v ? v.getType() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static IType fieldType(ICompositeType owner, String field) {
        if (owner == null) {
            return null;
        }
        try {
            IField f = owner.findField(field);
            return f == null ? null : f.getType();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Unwraps pointers, arrays, typedefs and qualifiers down to a struct/union type, or null. */
    static ICompositeType compositeOf(IType type) {
        Unwrapped u = unwrap(type);
        return u == null ? null : u.composite();
    }

    /** A struct/union type and the last typedef met on the way to it (null when none). */
    private record Unwrapped(ICompositeType composite, String typedef) {
    }

    private static Unwrapped unwrap(IType type) {
        IType t = type;
        String typedef = null;
        for (int i = 0; i < 16 && t != null; i++) {
            if (t instanceof ICompositeType c) {
                return new Unwrapped(c, typedef);
            }
            if (t instanceof IPointerType p) {
                t = p.getType();
            } else if (t instanceof IArrayType a) {
                t = a.getType();
            } else if (t instanceof ITypedef td) {
                typedef = td.getName();
                t = td.getType();
            } else if (t instanceof IQualifierType q) {
                t = q.getType();
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * The name of the struct {@code owner} is or points to, as {@link #tagOf} says; an anonymous
     * struct in a member is named after it ({@code clock->ops.read(...)} reads {@code read} from
     * {@code evl_clock.ops}), the same name an initializer of that member gets.
     */
    private static String structTagOf(IASTExpression owner) {
        try {
            String tag = tagOf(owner.getExpressionType());
            if (tag == null && compositeOf(owner.getExpressionType()) != null
                    && ExprBuilder.stripParens(owner) instanceof IASTFieldReference ref) {
                String outer = structTagOf(ref.getFieldOwner());
                return outer == null ? null : outer + "." + ref.getFieldName();
            }
            return tag;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The name calls and bindings compare for a struct type: its tag, or for an anonymous
     * struct the typedef naming it ({@code typedef struct { ... } ops_t;}); null when unknown or
     * anonymous and unnamed. Two structs that differ get different names, so a call through
     * {@code read} of one never reaches what is stored in {@code read} of the other
     * (docs/internals.md#instances).
     */
    static String tagOf(IType type) {
        Unwrapped u = unwrap(type);
        if (u == null) {
            return null;
        }
        String name = u.composite().getName();
        return name != null && !name.isEmpty() ? name : u.typedef();
    }

    /** Collects calls, current-task uses, local assignments and member bindings of one body. */
    private final class BodyVisitor extends ASTVisitor {
        final List<CallFact> calls = new ArrayList<>();
        final List<CurrentUse> currentUses = new ArrayList<>();
        final Map<String, List<Expr>> locals = new LinkedHashMap<>();
        final List<FieldBinding> bindings = new ArrayList<>();
        final List<OobAccess> oobAccesses = new ArrayList<>();
        /** The call facts by call node, for the control-flow graph. */
        final Map<IASTFunctionCallExpression, CallFact> callNodes = new java.util.IdentityHashMap<>();
        /** What to run when the scope of a guard, CLASS or __free use is left, by its call or declarator node. */
        final Map<IASTNode, ScopeCleanups.Cleanup> cleanups = new java.util.IdentityHashMap<>();
        private final Set<String> currentAliases = new HashSet<>();

        BodyVisitor() {
            shouldVisitExpressions = true;
            shouldVisitDeclarators = true;
        }

        /** First pass: locals that hold the current task ({@code struct task_struct *t = current;}). */
        void collectAliases(IASTNode body) {
            body.accept(new ASTVisitor() {
                {
                    shouldVisitExpressions = true;
                    shouldVisitDeclarators = true;
                }

                @Override
                public int visit(IASTDeclarator d) {
                    if (d.getInitializer() instanceof IASTEqualsInitializer eq
                            && Expr.isCurrentTask(ExprBuilder.build(eq.getInitializerClause()))) {
                        currentAliases.add(innermost(d).getName().toString());
                    }
                    return PROCESS_CONTINUE;
                }

                @Override
                public int visit(IASTExpression e) {
                    if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign
                            && ExprBuilder.stripParens(b.getOperand1()) instanceof IASTIdExpression id
                            && Expr.isCurrentTask(ExprBuilder.build(b.getOperand2()))) {
                        currentAliases.add(id.getName().toString());
                    }
                    return PROCESS_CONTINUE;
                }
            });
        }

        @Override
        public int visit(IASTDeclarator d) {
            String declared = innermost(d).getName().toString();
            ScopeCleanups.Cleanup free = declared.isEmpty() ? null : ScopeCleanups.free(d, declared);
            if (free != null) {
                cleanups.put(d, free);
            }
            if (d.getInitializer() instanceof IASTEqualsInitializer eq) {
                String name = innermost(d).getName().toString();
                IASTInitializerClause clause = eq.getInitializerClause();
                if (clause instanceof IASTInitializerList list) {
                    IType type = variableType(innermost(d));
                    collectListBindings(list, compositeOf(type), tagOf(type), bindings, 0, ownerOf(d));
                } else if (!name.isEmpty()) {
                    locals.computeIfAbsent(Shared.of(name), k -> new ArrayList<>()).add(ExprBuilder.build(clause));
                }
            }
            return PROCESS_CONTINUE;
        }

        @Override
        public int visit(IASTExpression e) {
            if (e instanceof IASTFunctionCallExpression call) {
                recordCall(call);
            } else if (e instanceof IASTFieldReference ref) {
                recordCurrentUse(ref);
                recordOobAccess(ref);
            } else if (e instanceof IASTBinaryExpression b) {
                recordAssignment(b);
            }
            return PROCESS_CONTINUE;
        }

        private void recordCall(IASTFunctionCallExpression call) {
            ScopeCleanups.Use use = ScopeCleanups.of(call);
            if (use != null) {
                recordCleanupUse(call, use);
                return;
            }
            IASTExpression nameExpr = ExprBuilder.stripParens(call.getFunctionNameExpression());
            Callee callee;
            if (nameExpr instanceof IASTIdExpression id) {
                String name = id.getName().toString();
                if (name.startsWith(PRELUDE_PREFIX)) {
                    return;
                }
                callee = new Callee.Named(name);
            } else if (nameExpr instanceof IASTFieldReference ref) {
                callee = new Callee.Field(structTagOf(ref.getFieldOwner()), ref.getFieldName().toString(),
                        ExprBuilder.text(ref), ExprBuilder.build(ref.getFieldOwner()), ref.isPointerDereference());
            } else {
                callee = new Callee.Unknown(ExprBuilder.text(nameExpr));
            }
            Location loc = positions.of(call);
            if (loc == null) {
                return;
            }
            List<Expr> args = new ArrayList<>();
            for (IASTInitializerClause a : call.getArguments()) {
                args.add(ExprBuilder.build(a));
            }
            CallFact fact = new CallFact(callee, args, loc, macroOf(call.getFunctionNameExpression()));
            calls.add(fact);
            callNodes.put(call, fact);
        }

        /**
         * A guard, scoped guard or CLASS use of a known class: its acquire call, and its cleanup
         * for {@link CfgBuilder}. Unknown classes keep only the calls in their arguments.
         */
        private void recordCleanupUse(IASTFunctionCallExpression call, ScopeCleanups.Use use) {
            GuardClasses.GuardClass cls = guardClasses.find(use.className());
            Location loc = positions.of(call);
            if (cls == null || loc == null) {
                return;
            }
            CallFact acquire = ScopeCleanups.acquire(use, cls, loc);
            calls.add(acquire);
            callNodes.put(call, acquire);
            String variable = call.getParent() instanceof IASTEqualsInitializer eq
                    && eq.getParent() instanceof IASTDeclarator d ? innermost(d).getName().toString() : null;
            cleanups.put(call, ScopeCleanups.cleanup(use, cls, acquire, variable));
        }

        private void recordOobAccess(IASTFieldReference ref) {
            if (!oobPaths.mayEndWith(ref.getFieldName().toString())) {
                return;
            }
            OobPaths.Match match = oobPaths.match(ExprBuilder.build(ref));
            IASTExpression file = match == null ? null : fileNode(ref, match.members());
            if (file == null) {
                return;
            }
            String owner = structTagOf(file);
            if (owner != null && !owner.equals("file")) {
                return; // a member of the same name in another struct (Bluetooth's hci_dev has an oob_data)
            }
            Location loc = positions.of(ref);
            if (loc != null) {
                OobAccess.Kind kind = OobUse.of(ref);
                Expr value = kind == OobAccess.Kind.WRITE && ref.getParent() instanceof IASTBinaryExpression b
                        ? ExprBuilder.build(b.getOperand2()) : null;
                oobAccesses.add(new OobAccess(kind, match.path(), ExprBuilder.text(file), loc, value));
            }
        }

        /**
         * The node of the file a path of {@code members} members is read from: the owner of the
         * path's first member, walking back through {@code .}, {@code ->} on an address and
         * parentheses the way {@link OobPaths} matched them.
         */
        private static IASTExpression fileNode(IASTFieldReference outer, int members) {
            IASTFieldReference cur = outer;
            for (int i = 1; i < members; i++) {
                IASTExpression owner = withoutParens(cur.getFieldOwner());
                if (cur.isPointerDereference() && owner instanceof IASTUnaryExpression u
                        && u.getOperator() == IASTUnaryExpression.op_amper) {
                    owner = withoutParens(u.getOperand());
                }
                if (!(owner instanceof IASTFieldReference inner)) {
                    return null;
                }
                cur = inner;
            }
            return cur.getFieldOwner();
        }

        private static IASTExpression withoutParens(IASTExpression e) {
            IASTExpression cur = e;
            for (int i = 0; i < 16; i++) {
                if (cur instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary
                        && u.getOperand() != null) {
                    cur = u.getOperand();
                } else if (cur instanceof org.eclipse.cdt.core.dom.ast.IASTCastExpression c && c.getOperand() != null) {
                    cur = c.getOperand();
                } else {
                    break;
                }
            }
            return cur;
        }

        private void recordCurrentUse(IASTFieldReference ref) {
            if (!ref.isPointerDereference()) {
                return;
            }
            Expr owner = ExprBuilder.build(ref.getFieldOwner());
            boolean viaAlias = owner instanceof Expr.Name n && currentAliases.contains(n.id());
            if (Expr.isCurrentTask(owner) || viaAlias) {
                Location loc = positions.of(ref);
                if (loc != null) {
                    currentUses.add(new CurrentUse(ref.getFieldName().toString(), ExprBuilder.text(ref), loc));
                }
            }
        }

        /**
         * A compound assignment that is a statement of the function's outermost block
         * ({@code gfp &= ~__GFP_DIRECT_RECLAIM;} before an allocation) updates the variable on
         * every path: its operator is recorded as {@code "&="} rather than {@code "&"}, so the
         * mask evaluation replaces the values before it instead of keeping them as alternatives
         * (docs/kernel-db.md#masks).
         */
        private static boolean onEveryPath(IASTBinaryExpression b) {
            return b.getParent() instanceof IASTExpressionStatement st
                    && st.getParent() instanceof IASTCompoundStatement block
                    && block.getParent() instanceof IASTFunctionDefinition;
        }

        private void recordAssignment(IASTBinaryExpression b) {
            String op = switch (b.getOperator()) {
                case IASTBinaryExpression.op_assign -> "=";
                case IASTBinaryExpression.op_binaryOrAssign -> "|";
                case IASTBinaryExpression.op_binaryAndAssign -> "&";
                case IASTBinaryExpression.op_binaryXorAssign -> "^";
                default -> null;
            };
            if (op == null) {
                return;
            }
            IASTExpression lhs = ExprBuilder.stripParens(b.getOperand1());
            Expr rhs = ExprBuilder.build(b.getOperand2());
            if (lhs instanceof IASTIdExpression id) {
                String name = id.getName().toString();
                Expr value = op.equals("=") ? rhs
                        : new Expr.Binary(onEveryPath(b) ? op + "=" : op, Expr.Name.of(name), rhs);
                locals.computeIfAbsent(Shared.of(name), k -> new ArrayList<>()).add(value);
            } else if (lhs instanceof IASTFieldReference ref && op.equals("=")) {
                String fn = Expr.functionRef(rhs);
                Location loc = positions.of(b);
                if (fn != null && loc != null) {
                    bindings.add(new FieldBinding(structTagOf(ref.getFieldOwner()), ref.getFieldName().toString(),
                            fn, loc, String.join(".", MemberPath.holder(null, ExprBuilder.build(ref.getFieldOwner()),
                                    ref.isPointerDereference()).members())));
                }
            }
        }
    }

    /** The macro a node was expanded from, when its tokens do not come straight from a file. */
    private static String macroOf(IASTNode node) {
        IASTNodeLocation[] locations = node.getNodeLocations();
        if (locations.length > 0 && locations[0] instanceof IASTMacroExpansionLocation m) {
            try {
                return m.getExpansion().getMacroReference().toString();
            } catch (RuntimeException e) {
                return "?";
            }
        }
        return null;
    }
}
