package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.validation.StableAccessors.Cause;
import dev.rolegate.processor.internal.validation.StableAccessors.Unstable;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a carrier's class file and tells whether one of its accessors returns a final instance
 * field of that very class and does nothing else: its code is exactly {@code aload_0; getfield <own
 * field>; areturn}. A class file does not say whether a record's accessor was written by hand or by
 * javac (javac 17 reports both with origin EXPLICIT), so for a carrier from the class path this
 * code is the evidence that every read answers the same.
 */
final class AccessorBytecode {
  private static final int MAGIC = 0xCAFEBABE;
  private static final int FIELD_REF = 9;
  private static final int NAME_AND_TYPE = 12;
  private static final int ACC_STATIC = 0x0008;
  private static final int ACC_FINAL = 0x0010;
  private static final byte[] GET_OWN_FIELD_SHAPE = {0x2a, (byte) 0xb4, 0, 0, (byte) 0xb0};

  private AccessorBytecode() {}

  /**
   * Returns what keeps the no-argument method {@code name} with descriptor {@code descriptor} in
   * {@code classFile} from being a plain read of a final instance field of its own class (its code
   * does more than return a field, say), or empty when it is exactly that read and the class is
   * final.
   */
  static Optional<Unstable> problem(byte[] classFile, String name, String descriptor) {
    try {
      return new Reader(classFile).problem(name, descriptor);
    } catch (IOException | RuntimeException malformed) {
      return found(Cause.CLASS_FILE_UNREADABLE, malformed);
    }
  }

  private static Optional<Unstable> found(Cause cause, Object... names) {
    return Optional.of(new Unstable(cause, names));
  }

  /** One pass over a class file, keeping only what the check needs. */
  private static final class Reader {
    private final DataInputStream in;
    private Object[] pool;
    private String thisClass;

    Reader(byte[] classFile) {
      this.in = new DataInputStream(new ByteArrayInputStream(classFile));
    }

    Optional<Unstable> problem(String name, String descriptor) throws IOException {
      if (in.readInt() != MAGIC) {
        return found(Cause.CLASS_FILE_NOT_A_CLASS_FILE);
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      readPool();
      int classFlags = in.readUnsignedShort();
      thisClass = className(in.readUnsignedShort());
      in.readUnsignedShort(); // super class
      skip(2 * in.readUnsignedShort()); // interfaces
      if ((classFlags & ACC_FINAL) == 0) {
        return found(Cause.CLASS_FILE_CLASS_NOT_FINAL);
      }
      Member[] fields = members();
      Member[] methods = members();
      for (Member method : methods) {
        if (method.name.equals(name) && method.descriptor.equals(descriptor)) {
          return checkCode(method, fields, descriptor.substring(2));
        }
      }
      return found(Cause.CLASS_FILE_NO_METHOD, name, descriptor);
    }

    private Optional<Unstable> checkCode(Member method, Member[] fields, String returned) {
      byte[] code = method.code;
      if ((method.flags & ACC_STATIC) != 0 || code == null) {
        return found(Cause.CLASS_FILE_STATIC_OR_NO_CODE);
      }
      byte[] shape = code.clone();
      if (shape.length == GET_OWN_FIELD_SHAPE.length) {
        shape[2] = 0;
        shape[3] = 0;
      }
      if (!Arrays.equals(shape, GET_OWN_FIELD_SHAPE)) {
        return found(Cause.CLASS_FILE_NOT_A_FIELD_READ);
      }
      Object ref = pool[((code[2] & 0xff) << 8) | (code[3] & 0xff)];
      if (!(ref instanceof int[] fieldRef)
          || fieldRef[0] != FIELD_REF
          || !(pool[fieldRef[2]] instanceof int[] nameAndType)
          || nameAndType[0] != NAME_AND_TYPE) {
        return found(Cause.CLASS_FILE_MALFORMED);
      }
      String owner = className(fieldRef[1]);
      String field = (String) pool[nameAndType[1]];
      String type = (String) pool[nameAndType[2]];
      if (!owner.equals(thisClass) || !type.equals(returned)) {
        return found(Cause.CLASS_FILE_OTHER_FIELD, field, owner.replace('/', '.'));
      }
      for (Member declared : fields) {
        if (declared.name.equals(field) && declared.descriptor.equals(type)) {
          if ((declared.flags & ACC_STATIC) != 0 || (declared.flags & ACC_FINAL) == 0) {
            return found(Cause.CLASS_FILE_NON_FINAL_FIELD, field);
          }
          return Optional.empty();
        }
      }
      return found(Cause.CLASS_FILE_UNDECLARED_FIELD, field);
    }

    /** Reads the constant pool: Utf8 as String, Class as Integer, refs as {tag, index, index}. */
    private void readPool() throws IOException {
      int count = in.readUnsignedShort();
      pool = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 7 -> pool[i] = in.readUnsignedShort();
          case 9, 10, 11, 12 ->
              pool[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
          case 3, 4, 17, 18 -> skip(4);
          case 5, 6 -> {
            skip(8);
            i++;
          }
          case 8, 16, 19, 20 -> skip(2);
          case 15 -> skip(3);
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
    }

    private String className(int index) {
      return (String) pool[(Integer) pool[index]];
    }

    /** A field or method: its flags, name, descriptor and, for a method, its code. */
    private record Member(int flags, String name, String descriptor, byte[] code) {}

    private Member[] members() throws IOException {
      Member[] members = new Member[in.readUnsignedShort()];
      for (int i = 0; i < members.length; i++) {
        int flags = in.readUnsignedShort();
        String name = (String) pool[in.readUnsignedShort()];
        String descriptor = (String) pool[in.readUnsignedShort()];
        byte[] code = null;
        for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
          String attribute = (String) pool[in.readUnsignedShort()];
          int length = in.readInt();
          if (attribute.equals("Code")) {
            in.readUnsignedShort(); // max stack
            in.readUnsignedShort(); // max locals
            code = in.readNBytes(in.readInt());
            skip(length - 8 - code.length);
          } else {
            skip(length);
          }
        }
        members[i] = new Member(flags, name, descriptor, code);
      }
      return members;
    }

    private void skip(int bytes) throws IOException {
      if (bytes < 0 || in.skipBytes(bytes) != bytes) {
        throw new IOException("truncated class file");
      }
    }
  }
}
