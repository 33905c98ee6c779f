/**
 * The frontend: reads annotated methods with the Compiler Tree API ({@code com.sun.source.*}) and
 * translates them into the {@code ir}'s source subset, resolving names itself because bodies are not
 * attributed while processors run. The only package that sees javac types; only the entry class
 * imports it. Imports {@code ir} and {@code diag}.
 */
package dev.collapsar.processor.frontend;
