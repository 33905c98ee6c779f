/**
 * Diagnostics: the stable ids ({@link dev.collapsar.processor.diag.DiagnosticId}), the one message
 * catalog ({@link dev.collapsar.processor.diag.Messages}) and the problem type stages return.
 * Depends on no other stage, so every stage may use it.
 */
package dev.collapsar.processor.diag;
