import Foundation
import SQLPrepProcess
import TestSupport
import Testing

@Suite("sqlprep run and dataset, end to end")
struct RunCommandTests {
    @Test("run -e prints a box table with right-aligned numbers and a row count")
    func table() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "-e", "select channel, count(*) as number_of_sessions from sessions group by 1 order by 1"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("┌"))
        #expect(out.stdout.contains("│ channel     │"))
        #expect(out.stdout.contains("(7 rows)"))
        // Numbers are right-aligned: padding comes before the digits.
        let direct = try #require(out.stdout.split(separator: "\n").first { $0.contains("direct") })
        #expect(direct.hasSuffix(" │") && direct.contains("│  "))
        #expect(!out.stdout.contains("\u{1B}["), "no escape codes when piped")
    }

    @Test("NULL is shown distinctly and long values are cut")
    func nullsAndTruncation() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "-e", "select null as n, '' as e, printf('%.60c', 'x') as long"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("NULL"))
        #expect(out.stdout.contains("…"))
    }

    @Test("Printed rows are capped with a note saying how many were left out")
    func rowCap() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "--max-rows", "5", "-e", "select user_id from users"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("(1000 rows; the first 5 shown"))
    }

    @Test("CSV and JSON formats")
    func formats() throws {
        let csv = try CLI.run(["run", "--scale", "tiny", "--format", "csv", "-e", "select 1 as a, 'x,y' as b, null as c"])
        #expect(csv.stdout == "a,b,c\r\n1,\"x,y\",\r\n\n")
        let json = try CLI.run(["run", "--scale", "tiny", "--format", "json", "-e", "select 1 as a, 2.5 as b, 'q\"' as c, null as d"])
        #expect(json.stdout == "{\"columns\":[\"a\",\"b\",\"c\",\"d\"],\"rows\":[[1,2.5,\"q\\\"\",null]]}\n")
    }

    @Test(
        "Exit codes: 0 success, 1 failed or refused, 64 usage",
        arguments: [
            (["run", "--scale", "tiny", "-e", "select 1"], Int32(0)),
            (["run", "--scale", "tiny", "-e", "delete from orders"], Int32(1)),
            (["run", "--scale", "tiny", "-e", "selec 1"], Int32(1)),
            (["run", "--scale", "tiny", "/no/such/file.sql"], Int32(1)),
            (["run", "--scale", "tiny"], Int32(64)),
            (["run", "--scale", "huge", "-e", "select 1"], Int32(64)),
            (["run", "--scale", "tiny", "--format", "xml", "-e", "select 1"], Int32(64)),
            (["run", "--no-such-flag"], Int32(64)),
            (["no-such-command"], Int32(64)),
            (["--version"], Int32(0)),
            (["--help"], Int32(0)),
        ])
    func exitCodes(arguments: [String], status: Int32) throws {
        let out = try CLI.run(arguments)
        #expect(out.status == status, "\(arguments): \(out.stdout) \(out.stderr)")
        #expect(!out.stderr.contains("Fatal error"), "no crash")
    }

    @Test("A refused statement says what was refused and what to do")
    func refusalMessage() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "-e", "delete from orders"])
        #expect(out.stdout.contains("Refused: DELETE on orders is not allowed"))
        #expect(out.stdout.contains("hint:"))
    }

    @Test("A syntax error shows the line and a caret under the token")
    func caret() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "-e", "select 'é',\n  count(*) from from users"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("at line 2, column 17"))
        #expect(out.stdout.contains(" 2 |   count(*) from from users\n   |" + String(repeating: " ", count: 17) + "^"), "\(out.stdout)")
    }

    @Test(
        "Queries no in-process guard can stop are ended by the watchdog at the safety limit",
        arguments: [
            "select length(printf('%.*c', 2000000000, 'x'))",
            "select length(trim(printf('%.3000000c', 'x'), printf('%.3000c', 'y') || 'x'))",
        ])
    func hardStop(sql: String) throws {
        let out = try CLI.run(["run", "--scale", "tiny", "--time-limit", "1", "-e", sql])
        #expect(out.status == 1, "\(out.stdout)")
        #expect(out.stdout.contains("safety limit"), "\(out.stdout)")
        // The watchdog ended it: unwatched, either call runs for 15 s or more. (A margin for a busy
        // machine, not a speed test.)
        #expect(out.seconds < 1 + 8, "took \(out.seconds) s")
    }

    @Test("A missing file gets one clear line on stderr")
    func missingFile() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "nowhere.sql"])
        #expect(out.status == 1)
        #expect(out.stderr == "sqlprep: No such file: nowhere.sql. Check the path, or pass the query with -e 'select …'.\n")
    }

    @Test("--version prints the version")
    func version() throws {
        let out = try CLI.run(["--version"])
        #expect(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("Every subcommand has help with an example", arguments: [["run"], ["next"], ["dataset", "schema"], ["dataset", "info"], ["dataset", "export"]])
    func help(command: [String]) throws {
        let out = try CLI.run(command + ["--help"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("USAGE:"))
        #expect(out.stdout.contains("sqlprep " + command.joined(separator: " ")))
    }

    @Test("dataset export writes CSVs that the sqlite3 shell loads back to the same counts")
    func export() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = try CLI.run(["dataset", "export", "--scale", "tiny", "--out", folder + "/csv"])
        #expect(out.status == 0, "\(out.stderr)")
        let info = try CLI.run(["dataset", "info", "--scale", "tiny"])
        let header = try String(contentsOfFile: folder + "/csv/users.csv", encoding: .utf8).split(separator: "\r\n").first
        #expect(header == "user_id,signup_at,country,channel,device")
        // Load every CSV into a fresh database with the sqlite3 shell and compare row counts.
        let db = folder + "/loaded.db"
        var script = ""
        for table in ["products", "users", "sessions", "events", "orders", "order_items", "marketing_spend", "experiments", "experiment_assignments", "memberships"] {
            script += ".import --csv \(folder)/csv/\(table).csv \(table)\n"
        }
        script += "select 'users', count(*) from users; select 'events', count(*) from events; select 'null countries', count(*) from users where country = '';\n"
        let shell = try ChildProcess.run("/usr/bin/sqlite3", [db], input: Array(script.utf8), timeout: 120)
        #expect(shell.status == 0, "\(shell.standardErrorText)")
        let loaded = shell.standardOutputText
        #expect(loaded.contains("users|1000"))
        let events = try #require(info.stdout.split(separator: "\n").first { $0.contains("events") })
        #expect(loaded.contains("events|" + (events.split(separator: " ").last ?? "")))
        #expect(!loaded.contains("null countries|0"), "NULL is written as an empty field")
    }

    @Test("dataset schema matches the committed data dictionary")
    func schemaFixture() throws {
        let out = try CLI.run(["dataset", "schema"])
        let fixture = try String(contentsOf: Checkout.root.appendingPathComponent("Fixtures/shop-schema.txt"), encoding: .utf8)
        #expect(out.stdout == fixture, "regenerate with: swift run sqlprep dataset schema > Fixtures/shop-schema.txt")
    }

}
