import Foundation

/// The instructor's report: one self-contained HTML page (inline CSS and SVG charts, no scripts,
/// nothing fetched) with the score distribution, pass rates per exercise and dataset, a learner ×
/// exercise grid, the wrong answers grouped into misconceptions (``ClassAnalysis``), process failures
/// apart, and identical unusual answers.
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
        body += "<p class=\"lead\">\(total) learner\(total == 1 ? "" : "s") · \(grades.exercises.count) exercise\(grades.exercises.count == 1 ? "" : "s") · datasets: \(grades.datasets.map { escape($0.label) }.joined(separator: ", ")) · mean score \(String(format: "%.1f", mean))%</p>\n"

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
                let passed = outcomes.filter { $0.status == .pass }.count
                let rate = outcomes.isEmpty ? 0 : Double(passed) / Double(outcomes.count) * 100
                let hue = Int(rate * 1.2)
                body += "<td class=\"rate\" style=\"background: hsl(\(hue), 65%, 85%)\">\(outcomes.isEmpty ? "–" : String(format: "%.0f%%", rate) + " <span class=\"count\">\(passed)/\(outcomes.count)</span>")</td>"
            }
            let meanPoints = rows.isEmpty ? 0 : rows.map(\.points).reduce(0, +) / Double(rows.count)
            body += "<td>\(GradeReports.number(meanPoints)) / \(GradeReports.number(rows.first?.maxPoints ?? 0))</td></tr>\n"
        }
        body += "</tbody></table>\n<p class=\"note\">n/N: answers that passed / answers that ran on the dataset.</p>\n"

        // Learner × exercise grid.
        body += "<h2>Learners × exercises</h2>\n<table class=\"grid\"><thead><tr><th>learner</th>"
        body += grades.exercises.map { "<th>\(escape($0))</th>" }.joined() + "<th>total</th><th>%</th></tr></thead><tbody>\n"
        for learner in grades.learners {
            let percent = learner.maxPoints > 0 ? learner.points / learner.maxPoints * 100 : 0
            body += "<tr><td>\(link(learner))</td>"
            for exercise in learner.exercises {
                let verdict = ClassAnalysis.verdict(exercise)
                let word = ClassAnalysis.shortVerdict(exercise)
                let counted = exercise.outcomes.filter { $0.status != .skipped }
                let datasets = counted.isEmpty ? "" : " \(counted.filter { $0.status == .pass }.count)/\(counted.count)"
                body += "<td class=\"cell \(verdict.rawValue)\">\(GradeReports.number(exercise.points))<br><span class=\"verdict\">\(escape(word))\(datasets)\(exercise.note == nil ? "" : " · renamed")</span></td>"
            }
            body += "<td>\(GradeReports.number(learner.points)) / \(GradeReports.number(learner.maxPoints))</td><td>\(String(format: "%.1f", percent))</td></tr>\n"
        }
        body += "</tbody></table>\n<p class=\"note\">Each cell: points, the verdict, and n/N datasets passed. Names link to each learner's feedback.</p>\n"

        // Misconception clusters: wrong answers grouped by how they are wrong.
        let analysis = ClassAnalysis(grades)
        let names = Dictionary(grades.learners.map { ($0.learner, $0) }, uniquingKeysWith: { first, _ in first })
        func people(_ ids: [String]) -> String { ids.map { id in names[id].map(link) ?? escape(id) }.joined(separator: ", ") }
        body += "<h2>Misconceptions by exercise</h2>\n<p class=\"note\">Wrong answers grouped by how they are wrong: the same diagnosis and the same result on the practice data, or, for answers right on the practice data, the same results on the hidden datasets. Diagnosed groups come first, undiagnosed wrong results last; missing files, SQL errors, time-outs and refused queries are listed apart, under each exercise.</p>\n"
        for id in grades.exercises {
            let clusters = analysis.clusters.filter { $0.exercise == id }
            let failures = analysis.processFailures.filter { $0.exercise == id }
            guard !clusters.isEmpty || !failures.isEmpty else { continue }
            body += "<h3>\(escape(id))</h3>\n"
            if clusters.isEmpty { body += "<p>No wrong answers with a result.</p>\n" }
            for cluster in clusters {
                let size = cluster.learners.count
                body += "<div class=\"cluster \(cluster.verdict.rawValue)\"><p><strong>\(escape(cluster.diagnosis))</strong> — \(size) learner\(size == 1 ? "" : "s"): \(people(cluster.learners))</p>\n"
                if let query = cluster.query {
                    body += "<p class=\"label\">Representative query (\(escape(cluster.representative))):</p><pre>\(escape(query))</pre>\n"
                }
                if let evidence = cluster.evidence, !evidence.isEmpty {
                    let what = cluster.verdict == .rightOnPracticeOnly || cluster.verdict == .wrongOnSomeHidden
                        ? "A counterexample from a hidden dataset (instructor only):" : "What \(escape(cluster.representative)) was told about the practice data:"
                    body += "<p class=\"label\">\(what)</p><pre>\(escape(evidence))</pre>\n"
                } else if cluster.verdict == .rightOnPracticeOnly || cluster.verdict == .wrongOnSomeHidden {
                    body += "<p class=\"label\">No counterexample in these grades (grade with --explain to search the hidden datasets for one).</p>\n"
                }
                body += "</div>\n"
            }
            if !failures.isEmpty {
                body += "<p class=\"label\">Not graded on a result:</p><ul class=\"process\">\n"
                body += failures.map { "<li>\(escape($0.kind.replacingOccurrences(of: "_", with: " "))) — \(people($0.learners))</li>" }.joined(separator: "\n")
                body += "\n</ul>\n"
            }
        }

        // Identical unusual answers: evidence for a conversation, never a verdict.
        if !analysis.identical.isEmpty {
            body += "<h2>Identical unusual answers</h2>\n<p class=\"note\">Each group below gave the same wrong result, which no other learner's answer gives and no known mistake explains. This can happen by chance, from a shared source, or from working together; it is a reason to talk with the learners, not a finding of misconduct.</p>\n"
            for group in analysis.identical {
                body += "<div class=\"cluster\"><p><strong>\(escape(group.exercise))</strong> — \(people(group.learners)); result \(escape(group.resultHash)); the queries are \(group.sameText ? "the same text (ignoring case and spacing)" : "different texts")</p>\n"
                for (learner, query) in zip(group.learners, group.queries) {
                    body += "<p class=\"label\">\(escape(learner)):</p><pre>\(escape(query))</pre>\n"
                }
                body += "</div>\n"
            }
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

        let renamed = grades.learners.flatMap { learner in learner.exercises.compactMap { exercise in exercise.note.map { (learner, exercise.exerciseID, $0) } } }
        if !renamed.isEmpty {
            body += "<h2>Files graded under a near-miss name</h2>\n<ul>\n"
            // The note is written to the learner; the instructor reads its first half, the facts.
            body += renamed.map { "<li>\(link($0.0)) · \(escape($0.1)) — \(escape(String($0.2.split(separator: ";").first ?? "")))</li>" }.joined(separator: "\n")
            body += "\n</ul>\n"
        }

        if !grades.unmatched.isEmpty {
            body += "<h2>Files that match no exercise</h2>\n<ul>\n"
            body += grades.unmatched.map { "<li><code>\(escape($0.path))</code> — \(escape($0.reason))</li>" }.joined(separator: "\n")
            body += "\n</ul>\n"
        }

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
            td.rate { text-align: center; font-variant-numeric: tabular-nums; } .count { color: #566174; font-size: 12px; }
            .note, .label { color: #566174; font-size: 13px; margin: .3rem 0; }
            table.grid td.cell { text-align: center; font-variant-numeric: tabular-nums; } .verdict { font-size: 11px; color: #566174; }
            td.correct { background: #e3f4e6; } td.misconception, td.wrong_result { background: #fbe4e1; } td.right_on_practice_only, td.wrong_on_some_hidden { background: #fdf0d5; } td.process { background: #eef1f5; }
            .cluster { border-left: 3px solid #4c78d8; padding: .1rem .8rem; margin: .8rem 0; } .cluster.right_on_practice_only { border-color: #d89a2b; }
            pre { background: #f5f7fa; padding: .6rem; overflow-x: auto; font-size: 12px; }
            svg { display: block; } svg text { font: 12px system-ui, sans-serif; fill: #1d2430; } rect.bar { fill: #4c78d8; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The learner's name (or id), linked to their feedback file.
    static func link(_ learner: LearnerGrade) -> String {
        let shown = learner.name.isEmpty ? learner.learner : "\(learner.name) (\(learner.learner))"
        return "<a href=\"feedback/\(escape(learner.learner)).md\">\(escape(shown))</a>"
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
