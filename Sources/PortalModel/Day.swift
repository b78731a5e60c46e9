/// A calendar date as front matter writes it, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with no
/// time or zone. It keeps how precise it was written, so a page never shows a day (or a
/// month) the sources do not give; it sorts as its first day.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    /// 1 when only the year is known.
    public let month: Int
    /// 1 when only the month or year is known.
    public let day: Int
    public let precision: Precision

    /// Parses exactly `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and rejects dates that do not exist (2021-02-30).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        switch bytes.count {
        case 4:
            guard let year = number(0..<4) else { return nil }
            self.init(year: year, month: 1, day: 1, precision: .year)
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let year = number(0..<4), let month = number(5..<7) else { return nil }
            self.init(year: year, month: month, day: 1, precision: .month)
        case 10:
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0..<4),
                  let month = number(5..<7), let day = number(8..<10) else { return nil }
            self.init(year: year, month: month, day: day)
        default:
            return nil
        }
    }

    /// Creates a date, or nil when the month or day is out of range.
    public init?(year: Int, month: Int, day: Int, precision: Precision = .day) {
        guard year >= 1, year <= 9999, (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// By first day; a less precise date first when two start on the same day.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.precision.rawValue) < (rhs.year, rhs.month, rhs.day, rhs.precision.rawValue)
    }

    /// As written: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; also what `<time datetime>` takes.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        switch precision {
        case .year: return "\(year)"
        case .month: return "\(year)-\(m)"
        case .day: return "\(year)-\(m)-\(d)"
        }
    }

    /// The first day, `YYYY-MM-DD`, for formats that demand a full date (Atom, sitemaps, JSON-LD).
    public var firstDay: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// "24 March 2021", "March 2021" or "2021": as precisely as it was written, the way UK readers write dates.
    public var longText: String {
        switch precision {
        case .year: "\(year)"
        case .month: monthText
        case .day: "\(day) \(Day.monthNames[month - 1]) \(year)"
        }
    }

    /// "24 March", for the first day of a range within one year (of dates known to the day).
    public var dayMonthText: String { "\(day) \(Day.monthNames[month - 1])" }

    /// "March 2021", or "2021" when only the year is known.
    public var monthText: String { precision == .year ? "\(year)" : "\(Day.monthNames[month - 1]) \(year)" }

    /// `monthText`'s `<time datetime>`: "2021-03", or "2021".
    public var monthDescription: String { precision == .year ? "\(year)" : String(firstDay.prefix(7)) }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
