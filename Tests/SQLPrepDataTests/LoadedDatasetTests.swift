import SQLPrepData
import Testing

@Suite("Loaded datasets")
struct LoadedDatasetTests {
    @Test("A loaded dataset answers what `sqlprep dataset` asks without the caller opening SQLite")
    func answers() throws {
        let dataset = try LoadedDataset(DatasetSpec(scale: .tiny), cache: nil)
        #expect(try dataset.fingerprint() == "33b9bf3e573d2973")
        #expect(try dataset.rowCounts().map(\.table) == ShopSchema.tables.map(\.name))
        #expect(!LoadedDataset.sqliteVersion.isEmpty)
    }
}
