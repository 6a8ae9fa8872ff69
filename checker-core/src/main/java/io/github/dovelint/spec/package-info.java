/**
 * The reference tracker: the hook contracts as an executable specification.
 *
 * <ul>
 *   <li>{@link io.github.dovelint.spec.InbandFdHooks}: the hooks, with one
 *       {@link io.github.dovelint.spec.CallSite} per place of {@code fs/file.c}
 *       that calls them: the single declaration of the contexts. The build
 *       generates {@link io.github.dovelint.spec.ContractTable}'s resources
 *       from its source (JavaParser, {@code spec.gen.ContractTableGenerator} in
 *       the build-tools module);
 *       {@link io.github.dovelint.spec.HookContracts} is what the rules assume,
 *       tested against it.</li>
 *   <li>{@link io.github.dovelint.spec.Vfs}: the VFS model; {@link io.github.dovelint.spec.Op}
 *       its operations; {@link io.github.dovelint.spec.Scenario} their text format.</li>
 *   <li>{@link io.github.dovelint.spec.ReferenceCore}, {@link io.github.dovelint.spec.FaultyCores},
 *       {@link io.github.dovelint.spec.ExternalCore}: companion cores;
 *       {@link io.github.dovelint.spec.Invariants} what a correct one keeps.</li>
 *   <li>{@link io.github.dovelint.spec.Explainer} and {@link io.github.dovelint.spec.TraceChecker}:
 *       {@code dovelint spec explain} and {@code dovelint spec check-trace}.</li>
 * </ul>
 */
package io.github.dovelint.spec;
