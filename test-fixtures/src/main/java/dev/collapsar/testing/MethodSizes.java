package dev.collapsar.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytecode length of every method in a class file.
 *
 * <p>Generated operators can be long straight-line code. The JVM rejects methods over 65535 bytes of
 * bytecode, and HotSpot does not JIT-compile methods over 8000 bytes ({@code -XX:-DontCompileHugeMethods}
 * is off by default), which would make them run interpreted and slowly. Tests use
 * {@link #assertAllMethodsAtMost} to check that the emitter splits long bodies.
 *
 * <p>This is a minimal class-file reader (JVMS §4): it walks the constant pool only to resolve names,
 * and reads {@code code_length} from each method's {@code Code} attribute. It has no dependency on ASM.
 */
public final class MethodSizes {
  private MethodSizes() {}

  /**
   * Maps {@code name + descriptor} (for example {@code uLaplacian(DD)D} or {@code <init>()V}) to the
   * method's bytecode length, in declaration order. Abstract and native methods have no code and
   * are left out.
   */
  public static Map<String, Integer> of(byte[] classFile) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IllegalArgumentException("not a class file (bad magic number)");
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      String[] utf8 = readConstantPool(in);
      in.readUnsignedShort(); // access flags
      in.readUnsignedShort(); // this class
      in.readUnsignedShort(); // super class
      skipBytes(in, 2 * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int i = 0; i < fields; i++) {
        skipBytes(in, 6); // access, name, descriptor
        skipAttributes(in);
      }
      return readMethods(in, utf8);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated or malformed class file", e);
    }
  }

  /**
   * Asserts that every method of every class file has at most {@code maxBytes} bytes of bytecode,
   * naming each offender as {@code binaryName.name(descriptor) = length bytes}.
   */
  public static void assertAllMethodsAtMost(Map<String, byte[]> classFiles, int maxBytes) {
    List<String> offenders = new ArrayList<>();
    String largest = null;
    int largestSize = -1;
    for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
      for (Map.Entry<String, Integer> method : of(file.getValue()).entrySet()) {
        String where = file.getKey() + "." + method.getKey() + " = " + method.getValue() + " bytes";
        if (method.getValue() > maxBytes) {
          offenders.add(where);
        }
        if (method.getValue() > largestSize) {
          largest = where;
          largestSize = method.getValue();
        }
      }
    }
    if (!offenders.isEmpty()) {
      throw new AssertionError(offenders.size() + " method(s) exceed " + maxBytes + " bytes of bytecode:\n  "
          + String.join("\n  ", offenders) + "\n(largest: " + largest + ")");
    }
  }

  /**
   * Reads the constant pool, keeping only the Utf8 entries (names and descriptors); the other
   * entries are skipped by their fixed sizes. Long and Double entries take two slots (JVMS §4.4.5).
   */
  private static String[] readConstantPool(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // Utf8: u2 length + modified UTF-8, exactly readUTF's format
        case 3, 4 -> skipBytes(in, 4); // Integer, Float
        case 5, 6 -> { // Long, Double
          skipBytes(in, 8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> skipBytes(in, 2); // Class, String, MethodType, Module, Package
        case 9, 10, 11, 12, 17, 18 -> skipBytes(in, 4); // refs, NameAndType, Dynamic, InvokeDynamic
        case 15 -> skipBytes(in, 3); // MethodHandle
        default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at index " + i);
      }
    }
    return utf8;
  }

  private static Map<String, Integer> readMethods(DataInputStream in, String[] utf8) throws IOException {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if ("Code".equals(attribute)) {
          in.readUnsignedShort(); // max stack
          in.readUnsignedShort(); // max locals
          int codeLength = in.readInt();
          sizes.put(name + descriptor, codeLength);
          skipBytes(in, length - 8); // the code and the rest of the attribute
        } else {
          skipBytes(in, length);
        }
      }
    }
    return sizes;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.readUnsignedShort(); // name
      skipBytes(in, in.readInt());
    }
  }

  /** {@link DataInputStream#skipBytes} may skip fewer bytes than asked; a short skip means truncation. */
  private static void skipBytes(DataInputStream in, int n) throws IOException {
    if (n < 0 || in.skipBytes(n) != n) {
      throw new IOException("class file ends early");
    }
  }
}
