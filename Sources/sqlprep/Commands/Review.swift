import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepText
import SQLPrepWorkspace

extension SQLPrep {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Come back to exercises where you made a diagnosed mistake, on fresh data.",
            discussion: spelled("""
                An exercise on which a submit found a diagnosed mistake (integer division, duplicated rows \
                from a join, a dropped zero group, …) comes back for review 1 day later. Each review runs \
                on a dataset with a different seed, so the numbers are new and remembering the old answer \
                does not help. A passed review brings it back after a longer interval (1, 3, 7, 14, then 30 \
                days; passing that one takes it out of the queue); the same kind of mistake again brings \
                it back after 1 day.

                With no option, shows what is due and the first due exercise, and writes its review file \
                (review/ID.sql). With --check, checks that file on the review's data and records the \
                result; the checked file is then kept in .sqlprep/reviews/ so that the next review starts \
                from a blank file. sqlprep progress shows what is due.

                Examples:
                  sqlprep review
                  $EDITOR review/cpo-by-channel.sql
                  sqlprep review --check

                Exit codes: 0 nothing due, shown, or passed; 1 the review's answer is wrong or fails \
                (the reason is printed); 64 usage error.
                """)
        )

        @Flag(name: .long, help: "Check the review file of the first due exercise (or of --exercise) and record the result.")
        var check = false

        @Option(name: .long, help: ArgumentHelp("Review this exercise (it must be due) instead of the first due one.", valueName: "id"))
        var exercise: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var limitOptions: LimitOptions

        func run() throws {
            let now = WorkspaceClock.now() ?? Date()  // checked at startup (SQLPrep.main)
            let session = try options.session(create: false)
            let style = output.style
            let queue = try session.store.reviewQueue(order: session.course.exercises.map(\.id))
            let due = queue.due(at: now)
            let later = queue.later(than: now)

            guard !due.isEmpty else {
                if check { print("Nothing is due for review, so there is nothing to check.") }
                print(ReviewText.nothingDue(later: later, style: style))
                return
            }
            let item: ReviewQueue.Item
            if let exercise {
                let chosen = try options.courseOptions.exercise(exercise, in: session.course)
                guard let found = due.first(where: { $0.exercise == chosen.id }) else {
                    throw CLIError("\(chosen.id) is not due for review. Due now: \(due.map(\.exercise).joined(separator: ", ")).")
                }
                item = found
            } else {
                item = due[0]
            }
            guard let target = session.course.exercise(id: item.exercise) else { return }
            let number = item.reviewsTaken + 1
            let dataset = ReviewQueue.dataset(for: target, review: number)

            if !check {
                print(ReviewText.header(due: due, later: later, style: style))
                print("")
                print(style.dim("Review \(number) of \(target.id) · it came back for: \(ReviewText.mistake(item.mistake))"))
                print(ExerciseText.render(target, style: style, width: Terminal.width, dataset: dataset))
                try session.workspace.writeReviewStarter(for: target)
                print("")
                print("This review runs on fresh data (seed \(dataset.seed), not the practice seed \(target.dataset.seed)), so the numbers are new.")
                print(style.bold("Your review file: ") + relativePath(session.workspace.reviewPath(for: target)))
                print("Write the query from scratch there, then run " + style.bold(spelled("sqlprep review --check")) + ".")
                return
            }

            let path = session.workspace.reviewPath(for: target)
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError(spelled("No review file \(relativePath(path)) yet. Run sqlprep review to write it, then sqlprep review --check."))
            }
            if session.workspace.reviewIsUntouched(target) {
                print(spelled("\(relativePath(path)) holds only the starter comments: write your query below them, then run sqlprep review --check again."))
                throw ExitCode(1)
            }
            let bytes = try readQueryFile(path, otherwise: "or run sqlprep review to write it again")
            let sandbox = try SandboxSession.make(dataset: dataset, limits: limitOptions.limits)
            let verdict = try Checker(sandbox: sandbox, dataset: dataset).check(bytes, against: target)
            let record = ReviewRecord(
                at: WorkspaceClock.stamp(now), exercise: target.id, seed: dataset.seed, status: verdict.status,
                diagnoses: verdict.diagnosisCodes)
            try session.store.recordReview(record)
            let kept = try session.workspace.archiveReview(for: target, number: number)

            print(VerdictText.render(verdict, exercise: target, style: style))
            print("")
            let after = try session.store.reviewQueue(order: session.course.exercises.map(\.id))
            if let next = after.items.first(where: { $0.exercise == target.id }) {
                print("\(target.id) comes back for review on \(ReviewText.date(next.due)) (\(ReviewText.interval(from: now, to: next.due))).")
            } else {
                print(style.green("\(target.id) has passed every review interval and leaves the review queue."))
            }
            print("Your answer is kept in \(relativePath(kept)).")
            let stillDue = after.due(at: now)
            if !stillDue.isEmpty {
                print("Still due now: \(stillDue.count) — run " + style.bold(spelled("sqlprep review")) + ".")
            }
            if !verdict.passed { throw ExitCode(1) }
        }
    }
}

/// The review queue in words, for `review` and `progress`.
enum ReviewText {
    static func header(due: [ReviewQueue.Item], later: [ReviewQueue.Item], style: TextStyle) -> String {
        var text = style.bold("Due for review: \(due.count) exercise\(Wording.plural(due.count))") + " — " + due.map(\.exercise).joined(separator: ", ")
        if let next = later.first {
            text += "\n" + style.dim("\(later.count) more later; the next on \(date(next.due)).")
        }
        return text
    }

    static func nothingDue(later: [ReviewQueue.Item], style: TextStyle) -> String {
        guard let next = later.first else {
            return "Nothing to review. When a submit finds a diagnosed mistake (integer division, duplicated rows, …), that exercise comes back here 1 day later."
        }
        return "Nothing is due for review now. \(later.count) exercise\(Wording.plural(later.count)) in the queue; the next, \(next.exercise), on \(date(next.due))."
    }

    /// One line for `progress`, or nil when the queue is empty.
    static func progressLine(queue: ReviewQueue, now: Date) -> String? {
        guard !queue.items.isEmpty else { return nil }
        let due = queue.due(at: now)
        let later = queue.later(than: now)
        var parts: [String] = []
        if !due.isEmpty { parts.append("\(due.count) due now (sqlprep review)") }
        if let next = later.first { parts.append("\(later.count) later, the next on \(date(next.due))") }
        return "Review queue: " + parts.joined(separator: "; ") + "."
    }

    /// Plain words for a diagnosis code.
    static func mistake(_ code: String) -> String {
        switch Diagnosis.Code(rawValue: code) {
        case .integerDivision: "integer division"
        case .percentVsFraction: "a percentage where a fraction was asked (or the reverse)"
        case .duplicatedRows: "duplicated rows (a join that fans out)"
        case .missingZeroGroups: "groups with zero left out"
        case .constantFactor: "every value off by the same factor"
        case .shiftedWindow: "a date window shifted or cut"
        case .rounding: "rounding"
        case .wrongOrder: "rows in the wrong order"
        case .nullsInsteadOfZero: "NULL where 0 was expected"
        case .zerosInsteadOfNull: "0 where NULL was expected"
        case .nullsInsteadOfValues: "NULL where values were expected"
        case .nondeterministic: "a result that depends on row order"
        case .nullLabel: "a NULL group label"
        case .dialect, nil: code.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// A local date and time, to the minute.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// "in 3 days" for whole days, else "in 30 hours" (never rounded to a shorter wait).
    static func interval(from now: Date, to due: Date) -> String {
        let hours = Int((due.timeIntervalSince(now) / 3600).rounded(.up))
        if hours % 24 == 0 { return "in \(hours / 24) day\(Wording.plural(hours / 24))" }
        return "in \(hours) hour\(Wording.plural(hours))"
    }
}
