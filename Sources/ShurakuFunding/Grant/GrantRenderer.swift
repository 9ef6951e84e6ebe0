/// Text tables of zones' grant caps, one row per zone in the order given.
///
/// CSV columns: `core_id,specialist_staff,ict,ict_from_app_bus,base_yen,addition_yen,grant_cap_yen,reason`
/// (booleans `true`/`false`; no total row, see ``GrantTotals``). Markdown ends with a total row.
public enum GrantRenderer {
    public static func csv(_ caps: [GrantCap]) -> String {
        var out = "core_id,specialist_staff,ict,ict_from_app_bus,base_yen,addition_yen,grant_cap_yen,reason\n"
        for c in caps {
            let fields = [
                TextFormat.csvField(c.coreID), String(c.specialistStaff), String(c.ict), String(c.ictFromAppBookedBus),
                String(c.baseYen), String(c.additionYen), String(c.capYen), TextFormat.csvField(c.reason),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    public static func markdown(_ caps: [GrantCap]) -> String {
        var out = "| Core | Specialist staff | ICT | Grant cap | Reason |\n|---|---|---|---:|---|\n"
        for c in caps {
            let (staff, ict) = (c.specialistStaff ? "yes" : "no", c.ict ? "yes" : "no")
            out += "| \(TextFormat.markdownCell(c.coreID)) | \(staff) | \(ict) | \(Yen.format(c.capYen)) yen"
            out += " | \(TextFormat.markdownCell(c.reason)) |\n"
        }
        let t = GrantTotals(caps)
        out += "| **Total (\(t.zones) zones)** | \(t.zonesWithSpecialistStaff) | \(t.zonesWithICT) | \(Yen.format(t.capYen)) yen | |\n"
        return out
    }
}
