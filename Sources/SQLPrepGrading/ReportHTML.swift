import Foundation

/// The instructor's report: one self-contained HTML page (inline CSS and SVG charts, no scripts,
/// nothing fetched) with the score distribution, pass rates per exercise and dataset, and the most
/// common failure reasons per exercise — the class's misconceptions at a glance.
enum ReportHTML {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func render(_ grades: ClassGrades) -> String {
        let title = escape(grades.title)
        var body = "<h1>\(title)</h1>\n"
        let total = grades.learners.count
        let mean = total == 0 ? 0 : grades.learners.map { $0.maxPoints > 0 ? $0.points / $0.maxPoints * 100 : 0 }.reduce(0, +) / Double(total)
        body += "<p class=\"lead\">\(total) learner\(total == 1 ? "" : "s") · \(grades.exercises.count) exercises · datasets: \(grades.datasets.map { escape($0.label) }.joined(separator: ", ")) · mean score \(String(format: "%.1f", mean))%</p>\n"

        // Score distribution: learners per 10-point band.
        var bands = Array(repeating: 0, count: 10)
        for learner in grades.learners {
            let percent = learner.maxPoints > 0 ? learner.points / learner.maxPoints * 100 : 0
            bands[min(9, Int(percent / 10))] += 1
        }
        body += "<h2>Score distribution</h2>\n" + barChart(
            labels: (0..<10).map { $0 == 9 ? "90–100" : "\($0 * 10)–\($0 * 10 + 9)" },
            values: bands.map(Double.init), maxValue: Double(max(1, bands.max() ?? 1)), unit: "", id: "distribution")

        // Pass rate per exercise and dataset.
        body += "<h2>Pass rate per exercise and dataset</h2>\n<table class=\"rates\"><thead><tr><th>exercise</th>"
        body += grades.datasets.map { "<th>\(escape($0.label))</th>" }.joined() + "<th>mean points</th></tr></thead><tbody>\n"
        for (index, id) in grades.exercises.enumerated() {
            let rows = grades.learners.map { $0.exercises[index] }
            body += "<tr><td>\(escape(id))</td>"
            for dataset in grades.datasets {
                let outcomes = rows.flatMap(\.outcomes).filter { $0.dataset == dataset.label && $0.status != .skipped }
                let rate = outcomes.isEmpty ? 0 : Double(outcomes.filter { $0.status == .pass }.count) / Double(outcomes.count) * 100
                let hue = Int(rate * 1.2)
                body += "<td class=\"rate\" style=\"background: hsl(\(hue), 65%, 85%)\">\(outcomes.isEmpty ? "–" : String(format: "%.0f%%", rate))</td>"
            }
            let meanPoints = rows.isEmpty ? 0 : rows.map(\.points).reduce(0, +) / Double(rows.count)
            body += "<td>\(GradeReports.number(meanPoints)) / \(GradeReports.number(rows.first?.maxPoints ?? 0))</td></tr>\n"
        }
        body += "</tbody></table>\n"

        // Misconceptions: the commonest reasons and diagnoses per exercise.
        body += "<h2>Most common mistakes</h2>\n"
        for (index, id) in grades.exercises.enumerated() {
            let counts = GradeReports.countsByReason(grades.learners.map { $0.exercises[index] }).prefix(6)
            guard !counts.isEmpty else { continue }
            body += "<h3>\(escape(id))</h3>\n" + barChart(
                labels: counts.map { $0.0.replacingOccurrences(of: "_", with: " ") }, values: counts.map { Double($0.1) },
                maxValue: Double(max(1, total)), unit: " learner", id: "mistakes-\(index)")
        }

        // Counterexamples drawn from hidden datasets: for the instructor's eyes only.
        var notes: [String] = []
        for learner in grades.learners {
            for exercise in learner.exercises {
                for outcome in exercise.outcomes {
                    if let note = outcome.instructorNote {
                        notes.append("<h3>\(escape(learner.learner)) · \(escape(exercise.exerciseID)) · \(escape(outcome.dataset))</h3>\n<pre>\(escape(note))</pre>")
                    }
                }
            }
        }
        if !notes.isEmpty {
            body += "<h2>Examples from hidden datasets (instructor only)</h2>\n<p>Right on the practice data, wrong on a hidden dataset: a small example of where.</p>\n"
            body += notes.prefix(25).joined(separator: "\n") + "\n"
            if notes.count > 25 { body += "<p>… and \(notes.count - 25) more in grades.json.</p>\n" }
        }

        if !grades.unmatched.isEmpty {
            body += "<h2>Files that match no exercise</h2>\n<ul>\n"
            body += grades.unmatched.map { "<li><code>\(escape($0.path))</code> — \(escape($0.reason))</li>" }.joined(separator: "\n")
            body += "\n</ul>\n"
        }

        body += "<h2>Learners</h2>\n<table class=\"learners\"><thead><tr><th>learner</th><th>points</th><th>%</th></tr></thead><tbody>\n"
        for learner in grades.learners {
            let percent = learner.maxPoints > 0 ? learner.points / learner.maxPoints * 100 : 0
            body += "<tr><td>\(escape(learner.name.isEmpty ? learner.learner : "\(learner.name) (\(learner.learner))"))</td><td>\(GradeReports.number(learner.points)) / \(GradeReports.number(learner.maxPoints))</td><td>\(String(format: "%.1f", percent))</td></tr>\n"
        }
        body += "</tbody></table>\n"

        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — sqlprep report</title>
            <style>
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 960px; padding: 0 1rem; color: #1d2430; }
            h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #dde2ea; } h3 { margin-bottom: .3rem; font-size: 1rem; }
            .lead { color: #566174; }
            table { border-collapse: collapse; width: 100%; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #eef1f5; text-align: left; }
            td.rate { text-align: center; font-variant-numeric: tabular-nums; }
            pre { background: #f5f7fa; padding: .6rem; overflow-x: auto; font-size: 12px; }
            svg { display: block; } svg text { font: 12px system-ui, sans-serif; fill: #1d2430; } rect.bar { fill: #4c78d8; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// A horizontal bar chart as inline SVG.
    static func barChart(labels: [String], values: [Double], maxValue: Double, unit: String, id: String) -> String {
        let rowHeight = 22, labelWidth = 190, barWidth = 520
        let height = rowHeight * labels.count + 6
        var svg = "<svg id=\"\(id)\" width=\"\(labelWidth + barWidth + 110)\" height=\"\(height)\" role=\"img\" aria-label=\"bar chart\">\n"
        for (index, label) in labels.enumerated() {
            let y = index * rowHeight + 3
            let width = Int(Double(barWidth) * values[index] / maxValue)
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(escape(label))</text>"
            svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(max(width, values[index] > 0 ? 2 : 0))\" height=\"16\" rx=\"2\"></rect>"
            let plural = unit.isEmpty || Int(values[index]) == 1 ? "" : "s"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(Int(values[index]))\(unit)\(plural)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
