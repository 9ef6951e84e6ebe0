import ShurakuCore
import Testing

@Suite("Names and errors")
struct NameSuggestionsTests {
    @Test("near names: small edit distances and prefixes, sorted; nothing for unrelated names")
    func near() {
        #expect(NameSuggestions.near("maxTravelMinutes", in: ["maxTravelMin", "minZonePop"]) == ["maxTravelMin"])
        #expect(NameSuggestions.near("minzonepop", in: ["maxZonePop", "minZonePop"]) == ["maxZonePop", "minZonePop"])
        #expect(NameSuggestions.hint("colour", in: ["speedsKmh", "aliases"]) == "")
        #expect(NameSuggestions.editDistance("kitten", "sitting") == 3)
    }

    @Test("unknown keys are found in sorted order against the known ones")
    func unknownKeys() {
        let u = UnknownKeys(given: ["b", "defaultz", "a"], known: ["a", "defaults"])
        #expect(u.unknown == ["b", "defaultz"])
        #expect(u.hint("defaultz") == " (did you mean defaults?)")
        #expect(UnknownKeys(given: ["a"], known: ["a"]).isEmpty)
    }

    @Test("one problem prints on one line; several as a list; bugs say so")
    func rendering() {
        let one = ShurakuError.badInput(file: "s.csv", feature: "feature 3", field: "pop", value: "-1", "population is negative")
        #expect(one.description == "1 problem in the input:\n  s.csv: feature 3: field pop: population is negative")
        #expect(ShurakuError.failure(file: "out/plan.json", "cannot write").description == "out/plan.json: cannot write")
        #expect(ShurakuError.bug("rows").description == "internal error (a bug in Shuraku, please report it): rows")
        let two = ShurakuError.invalid([Problem(file: "a", message: "x"), Problem(file: "b", message: "y")])
        #expect(two.description == "2 problems in the input:\n  a: x\n  b: y")
    }
}
