import Foundation

/// The source checkout the tests were built from: the tests read its course (Exercises/), its
/// fixtures, its READMEs and their own test data from there, not from a copy.
public enum Checkout {
    /// This file is Tests/TestSupport/Checkout.swift, three levels below the root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
