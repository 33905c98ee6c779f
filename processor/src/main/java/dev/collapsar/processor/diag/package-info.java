/**
 * Diagnostics: the stable ids ({@link dev.collapsar.processor.diag.DiagnosticId}), the message
 * catalog ({@link dev.collapsar.processor.diag.Messages}; the operator text's messages, with their
 * columns, in {@link dev.collapsar.processor.diag.OperatorMessages}), the problem type stages return
 * and the exception that carries every problem of a method with its site.
 * Depends on no other stage, so every stage may use it.
 */
package dev.collapsar.processor.diag;
