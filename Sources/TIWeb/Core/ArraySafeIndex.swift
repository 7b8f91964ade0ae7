extension Array {
    /// The element at `index`, or nil past the end (form rows posted shorter than shown).
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
