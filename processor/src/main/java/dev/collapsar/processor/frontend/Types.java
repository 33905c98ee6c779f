package dev.collapsar.processor.frontend;

import dev.collapsar.processor.ir.Type;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps javac types of parameters to the subset's {@link Type}s. */
final class Types {
  private Types() {}

  /** The subset type, or null when the type is not supported. */
  static Type of(TypeMirror t) {
    switch (t.getKind()) {
      case DOUBLE: return Type.DOUBLE;
      case INT: return Type.INT;
      case BOOLEAN: return Type.BOOLEAN;
      case ARRAY: {
        TypeMirror component = ((ArrayType) t).getComponentType();
        if (component.getKind() == TypeKind.DOUBLE) {
          return Type.DOUBLE_ARRAY;
        }
        if (component.getKind() == TypeKind.ARRAY) {
          Type inner = of(component);
          return inner == Type.DOUBLE_ARRAY ? Type.DOUBLE_MATRIX : inner == Type.DOUBLE_MATRIX ? Type.DOUBLE_TENSOR : null;
        }
        return null;
      }
      default: return null;
    }
  }
}
