package io.newssearch.semantic;

/** Vectors were asked for, but the model or ONNX Runtime is missing or cannot start here. */
public final class VectorsUnavailableException extends IllegalStateException {

  public VectorsUnavailableException(String message) {
    super(message);
  }

  public VectorsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
