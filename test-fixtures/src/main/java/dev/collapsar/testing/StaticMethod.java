package dev.collapsar.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A static method of a compiled class, callable without the reflection boilerplate. Generated
 * classes are often package-private, so the method is made accessible.
 */
public final class StaticMethod {
  private final Method method;

  private StaticMethod(Method method) {
    this.method = method;
  }

  static StaticMethod find(Class<?> type, String name, Class<?>... parameterTypes) {
    Method found = parameterTypes.length > 0 ? exact(type, name, parameterTypes) : byName(type, name);
    if (!Modifier.isStatic(found.getModifiers())) {
      throw new AssertionError(found + " is not static");
    }
    found.setAccessible(true);
    return new StaticMethod(found);
  }

  private static Method exact(Class<?> type, String name, Class<?>... parameterTypes) {
    try {
      return type.getDeclaredMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("no method " + name + Arrays.toString(parameterTypes) + " in " + type.getName()
          + "; declared: " + declared(type, null), e);
    }
  }

  /** The only method of this name, or else the overload without parameters. */
  private static Method byName(Class<?> type, String name) {
    List<Method> candidates = declared(type, name);
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    for (Method m : candidates) {
      if (m.getParameterCount() == 0) {
        return m;
      }
    }
    throw new AssertionError((candidates.isEmpty() ? "no method " : "ambiguous method ") + name + " in "
        + type.getName() + "; give the parameter types. Declared: " + declared(type, null));
  }

  /** Declared methods, sorted by their string form so that messages are stable. */
  private static List<Method> declared(Class<?> type, String name) {
    List<Method> methods = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (name == null || m.getName().equals(name)) {
        methods.add(m);
      }
    }
    methods.sort((a, b) -> a.toString().compareTo(b.toString()));
    return methods;
  }

  /** The reflected method. */
  public Method reflected() {
    return method;
  }

  /**
   * Invokes the method. An exception thrown by the method is rethrown as a RuntimeException whose
   * cause is the original exception, so tests need no checked-exception handling.
   */
  public Object invoke(Object... args) {
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new RuntimeException(method.getName() + " threw " + e.getCause(), e.getCause());
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new AssertionError("cannot call " + method + " with " + Arrays.deepToString(args), e);
    }
  }

  /**
   * Calls a method that returns double and takes either only doubles or exactly one double[]: in
   * the second case {@code args} is passed as that array.
   */
  public double call(double... args) {
    if (method.getReturnType() != double.class) {
      throw new AssertionError("call(double...) needs a method returning double; " + method);
    }
    Class<?>[] types = method.getParameterTypes();
    Object result;
    if (types.length == 1 && types[0] == double[].class) {
      result = invoke((Object) args);
    } else {
      checkAllDouble(types, args.length);
      Object[] boxed = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        boxed[i] = args[i];
      }
      result = invoke(boxed);
    }
    return (Double) result;
  }

  private void checkAllDouble(Class<?>[] types, int argumentCount) {
    boolean allDouble = Arrays.stream(types).allMatch(t -> t == double.class);
    if (!allDouble || types.length != argumentCount) {
      throw new AssertionError("call(double...) with " + argumentCount + " arguments needs a method of "
          + argumentCount + " double parameters or one double[]; " + method + " has " + Arrays.toString(types));
    }
  }

  @Override
  public String toString() {
    return method.toString();
  }
}
