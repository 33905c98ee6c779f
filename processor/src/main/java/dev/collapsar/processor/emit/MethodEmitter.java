package dev.collapsar.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits one public operator method. A body small enough for the JIT stays in the method; a larger
 * one is split into private part methods of at most {@link #BUDGET} estimated bytes each, which
 * hand the locals they share to each other through a per-thread workspace array (allocated once per
 * thread, so calls do not allocate and threads do not interfere).
 */
final class MethodEmitter {
  /** Estimated bytes per method; javac's real size stays well under HotSpot's 8000-byte limit. */
  static final int BUDGET = 5000;

  private final TypeSpec.Builder type;
  private final List<String> workspaces = new ArrayList<>();
  /** The workspace parameters' names in the method being emitted, and the array locals' slots. */
  private String w;
  private String wa;
  private Map<String, Integer> arraySlots = Map.of();
  /** The names the method's result reads. */
  private Set<String> tailReads = Set.of();
  /** Whether any emitted method allocates local arrays (the class then needs the pool). */
  boolean usesPool;
  /** Whether any emitted method has a sweep on jdk.incubator.vector (the class then needs {@link LaneSweepWriter#REGISTERS_FIELD}). */
  boolean usesVectorSweeps;

  MethodEmitter(TypeSpec.Builder type) {
    this.type = type;
  }

  /** What an operator method looks like from outside, and how its tail turns outputs into a result. */
  record Signature(
      String name, List<ParameterSpec> parameters, TypeName returns, String javadoc,
      Function<List<String>, CodeBlock> tail, boolean exposed) {
    Signature(String name, List<ParameterSpec> parameters, TypeName returns, String javadoc,
        Function<List<String>, CodeBlock> tail) {
      this(name, parameters, returns, javadoc, tail, true);
    }
  }

  void emit(Signature signature, List<Statement> preconditions, List<Statement> outlinedBody, List<Node> outputs) {
    OutlinedMethods outlined = new OutlinedMethods(type, signature.name());
    List<Statement> body = outlined.name(outlinedBody);
    usesVectorSweeps |= outlined.vectorSweeps();
    arraySlots = Map.of();
    List<String> printed = outputs.stream().map(ExpressionPrinter::print).toList();
    tailReads = new LinkedHashSet<>();
    outputs.forEach(o -> Names.read(o, tailReads));
    MethodSpec.Builder method = MethodSpec.methodBuilder(signature.name())
        .addModifiers(signature.exposed() ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(signature.javadoc())
        .returns(signature.returns())
        .addParameters(signature.parameters())
        .addCode(BodyWriter.write(preconditions));
    if (Uses.newArray(body)) {
      method.addStatement("$N.reset()", ArrayPool.FIELD); // local arrays come from this thread's pool
      usesPool = true;
    }
    List<List<Statement>> chunks = SizeEstimate.of(body) <= BUDGET ? List.of(body) : Partition.cut(body, BUDGET);
    if (chunks.size() == 1) { // small enough, or one statement (a loop) that no cut can divide
      method.addCode(BodyWriter.write(body)).addCode(signature.tail().apply(printed));
      type.addMethod(method.build());
      return;
    }
    Map<String, Integer> slots = new LinkedHashMap<>(slots(chunks, tailReads));
    Map<String, Type> defined = Names.defined(body);
    arraySlots = new LinkedHashMap<>();
    for (String local : List.copyOf(slots.keySet())) {
      if (defined.get(local).isArray()) { // arrays travel in an Object[] workspace of their own
        slots.remove(local);
        arraySlots.put(local, arraySlots.size());
      }
    }
    slots = renumber(slots);
    String workspace = workspaceField(signature.name(), slots.size(), ArrayTypeName.of(TypeName.DOUBLE));
    w = workspaceName(signature, body, "workspace");
    wa = workspaceName(signature, body, "arrays");
    method.addStatement("double[] $N = $N.get()", w, workspace);
    if (!arraySlots.isEmpty()) {
      String arrays = workspaceField(signature.name() + "Arrays", arraySlots.size(), ArrayTypeName.of(com.palantir.javapoet.ClassName.OBJECT));
      method.addStatement("Object[] $N = $N.get()", wa, arrays);
    }
    Map<String, Type> types = new LinkedHashMap<>();
    for (int c = 0; c < chunks.size(); c++) {
      String part = signature.name() + "Part" + (c + 1) + "Of" + chunks.size();
      boolean last = c == chunks.size() - 1;
      types.putAll(Names.defined(chunks.get(c)));
      type.addMethod(part(signature, part, chunks.get(c), slots, types, last ? printed : null).build());
      String call = part + "(" + arguments(signature) + ")";
      if (last) {
        method.addStatement(signature.returns().equals(TypeName.VOID) ? "$L" : "return $L", call);
      } else {
        method.addStatement("$L", call);
      }
    }
    type.addMethod(method.build());
  }

  private MethodSpec.Builder part(Signature signature, String name, List<Statement> chunk,
      Map<String, Integer> slots, Map<String, Type> types, List<String> printedOutputs) {
    MethodSpec.Builder part = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameters(signature.parameters())
        .addParameter(double[].class, w)
        .returns(printedOutputs == null ? TypeName.VOID : signature.returns());
    if (!arraySlots.isEmpty()) {
      part.addParameter(Object[].class, wa);
    }
    Set<String> reads = Names.read(chunk);
    if (printedOutputs != null) {
      reads.addAll(tailReads); // the last part loads only what it and the result read
    }
    Map<String, Type> own = Names.defined(chunk);
    Set<String> assigned = Names.assigned(chunk);
    reads.addAll(assigned); // a local this part updates must exist here even if it is only written
    for (Map.Entry<String, Integer> slot : slots.entrySet()) {
      String local = slot.getKey();
      if (reads.contains(local) && !own.containsKey(local)) {
        part.addStatement("$L $N = $L", types.get(local).java(), local, load(types.get(local), slot.getValue()));
      }
    }
    for (Map.Entry<String, Integer> slot : arraySlots.entrySet()) {
      if (reads.contains(slot.getKey()) && !own.containsKey(slot.getKey())) {
        String java = types.get(slot.getKey()).java();
        part.addStatement("$L $N = ($L) $N[$L]", java, slot.getKey(), java, wa, slot.getValue());
      }
    }
    part.addCode(BodyWriter.write(chunk));
    if (printedOutputs != null) {
      return part.addCode(signature.tail().apply(printedOutputs));
    }
    // A part hands on what it declares and what it updates of an earlier part's locals (a loop's
    // accumulator declared before the loop, in an earlier part, is one).
    for (Map.Entry<String, Integer> slot : slots.entrySet()) {
      if (own.containsKey(slot.getKey()) || assigned.contains(slot.getKey())) {
        part.addStatement("$N[$L] = $L", w, slot.getValue(), store(types.get(slot.getKey()), slot.getKey()));
      }
    }
    for (Map.Entry<String, Integer> slot : arraySlots.entrySet()) {
      if (own.containsKey(slot.getKey()) || assigned.contains(slot.getKey())) {
        part.addStatement("$N[$L] = $N", wa, slot.getValue(), slot.getKey());
      }
    }
    return part;
  }

  /** One workspace slot per local that a later part (or the result) reads. */
  private static Map<String, Integer> slots(List<List<Statement>> chunks, Set<String> tailReads) {
    Map<String, Integer> slots = new LinkedHashMap<>();
    for (int c = 0; c < chunks.size() - 1; c++) {
      Set<String> later = new LinkedHashSet<>(tailReads);
      for (int l = c + 1; l < chunks.size(); l++) {
        later.addAll(Names.read(chunks.get(l)));
      }
      for (String local : Names.defined(chunks.get(c)).keySet()) {
        if (later.contains(local)) {
          slots.put(local, slots.size());
        }
      }
    }
    return slots;
  }

  private static Map<String, Integer> renumber(Map<String, Integer> slots) {
    Map<String, Integer> renumbered = new LinkedHashMap<>();
    slots.keySet().forEach(local -> renumbered.put(local, renumbered.size()));
    return renumbered;
  }

  private String workspaceField(String method, int size, TypeName element) {
    String field = method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT)
        + "_WORKSPACE" + (workspaces.isEmpty() ? "" : "_" + (workspaces.size() + 1));
    workspaces.add(field);
    TypeName threadLocal = ParameterizedTypeName.get(ClassNames.THREAD_LOCAL, element);
    String creation = element.equals(ArrayTypeName.of(TypeName.DOUBLE)) ? "new double[$L]" : "new Object[$L]";
    type.addField(FieldSpec.builder(threadLocal, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.withInitial(() -> " + creation + ")", ClassNames.THREAD_LOCAL, Math.max(size, 1))
        .build());
    return field;
  }

  private String arguments(Signature signature) {
    List<String> names = new ArrayList<>();
    signature.parameters().forEach(p -> names.add(p.name()));
    names.add(w);
    if (!arraySlots.isEmpty()) {
      names.add(wa);
    }
    return String.join(", ", names);
  }

  private String load(Type type, int slot) {
    switch (type) {
      case INT: return "(int) " + w + "[" + slot + "]";
      case BOOLEAN: return w + "[" + slot + "] != 0";
      default: return w + "[" + slot + "]";
    }
  }

  /** A name for a workspace parameter that no parameter or local of the method uses. */
  private static String workspaceName(Signature signature, List<Statement> body, String base) {
    java.util.Set<String> taken = new java.util.HashSet<>(Names.read(body));
    Statement.declared(body, taken);
    signature.parameters().forEach(p -> taken.add(p.name()));
    return dev.collapsar.processor.ir.FreshName.of(base, "", taken::contains);
  }

  private static String store(Type type, String local) {
    return type == Type.BOOLEAN ? "(" + local + " ? 1 : 0)" : local;
  }
}
