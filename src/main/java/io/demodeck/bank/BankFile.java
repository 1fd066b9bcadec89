package io.demodeck.bank;

/** One file of the question bank: its name (for reports) and its text. */
public record BankFile(String name, String text) {
}
