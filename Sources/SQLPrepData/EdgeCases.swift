import SQLiteKit

/// Corner cases applied to a generated dataset for hidden grading variants. Each is a situation
/// real data produces and that a query which is right only by coincidence gets wrong:
///
/// - **A channel with spend and no orders:** every order from a `display` session is removed.
/// - **A day with no sessions at all:** 2024-08-14 (a tracking outage) loses its sessions, events and orders.
/// - **A signup cohort with no returning users:** users who signed up in May 2024 keep only their first session.
/// - **Orders exactly on window boundaries:** some orders move to the first second of their month,
///   others to the last second (23:59:59 on the last day), where `BETWEEN` and `<=` mistakes show.
/// - **Rows with NULL dimensions:** one user in six has an unknown country.
/// - **A sign-up in the last second of a year:** the first user who signed up on 2025-01-01 signed
///   up at 2024-12-31 23:59:59 instead (earlier than their first visit, as every sign-up is), on
///   top of the generated data's sign-ups in 2024's last minute and visits at 23:59:59.
///
/// The statements are plain SQL over the loaded tables, deterministic for a given dataset, and keep
/// the relations consistent (order lines, purchase events and assignments go with their parents).
public enum EdgeCases {
    public static let statements: [String] = [
        // A channel with spend and no orders.
        "DELETE FROM order_items WHERE order_id IN (SELECT o.order_id FROM orders o JOIN sessions s USING (session_id) WHERE s.channel = 'display')",
        "DELETE FROM events WHERE event_type = 'purchase' AND session_id IN (SELECT session_id FROM sessions WHERE channel = 'display')",
        "DELETE FROM orders WHERE session_id IN (SELECT session_id FROM sessions WHERE channel = 'display')",
        // A day with no sessions.
        "CREATE TEMP TABLE gone AS SELECT session_id FROM sessions WHERE started_at >= '2024-08-14' AND started_at < '2024-08-15'",
        "DELETE FROM order_items WHERE order_id IN (SELECT order_id FROM orders WHERE session_id IN (SELECT session_id FROM gone))",
        "DELETE FROM orders WHERE session_id IN (SELECT session_id FROM gone)",
        "DELETE FROM events WHERE session_id IN (SELECT session_id FROM gone)",
        "DELETE FROM sessions WHERE session_id IN (SELECT session_id FROM gone)",
        "DROP TABLE gone",
        // A cohort with no returning users: May 2024 signups keep only their first session.
        """
        CREATE TEMP TABLE gone AS SELECT s.session_id FROM sessions s JOIN users u USING (user_id)
        WHERE u.signup_at >= '2024-05-01' AND u.signup_at < '2024-06-01' AND s.started_at > u.signup_at
        """,
        "DELETE FROM order_items WHERE order_id IN (SELECT order_id FROM orders WHERE session_id IN (SELECT session_id FROM gone))",
        "DELETE FROM orders WHERE session_id IN (SELECT session_id FROM gone)",
        "DELETE FROM events WHERE session_id IN (SELECT session_id FROM gone)",
        "DELETE FROM memberships WHERE user_id IN (SELECT user_id FROM users WHERE signup_at >= '2024-05-01' AND signup_at < '2024-06-01')",
        "DELETE FROM sessions WHERE session_id IN (SELECT session_id FROM gone)",
        "DROP TABLE gone",
        // Orders on window boundaries.
        "UPDATE orders SET ordered_at = strftime('%Y-%m-01 00:00:00', ordered_at) WHERE order_id % 53 = 0",
        "UPDATE orders SET ordered_at = date(ordered_at, 'start of month', '+1 month', '-1 day') || ' 23:59:59' WHERE order_id % 59 = 0",
        // NULL dimensions.
        "UPDATE users SET country = NULL WHERE user_id % 6 = 0",
        // A sign-up in the year's last second.
        "UPDATE users SET signup_at = '2024-12-31 23:59:59' WHERE user_id = (SELECT min(user_id) FROM users WHERE signup_at >= '2025-01-01' AND signup_at < '2025-01-02')",
    ]

    static func apply(to db: Connection) throws {
        for statement in statements { try db.execute(statement) }
    }
}
