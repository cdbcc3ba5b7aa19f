import Foundation

/// Draws a ``DoseTable`` as an SVG line chart: a title, a grid, a date axis and a value axis with their
/// labels, one `<polyline>` per series, and a legend.
struct SVGChart {
    /// The data.
    let table: DoseTable
    /// The title at the top.
    let title: String
    /// The value axis' label, such as `Doses per day (7-day average)`.
    let valueLabel: String
    /// Where the data came from, in the SVG's `<desc>` and the footer.
    let source: String
    /// The size in pixels.
    let width: Int
    /// The size in pixels.
    let height: Int

    private let left = 80.0
    private let right = 24.0
    private let top = 56.0
    private let bottom = 72.0

    /// Writes the document.
    /// - Throws: What writing to the file throws.
    func write(to writer: SVGWriter) throws {
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let baseline = top + plotHeight
        let dayNumbers = table.days.compactMap(ChartScales.day)
        let firstDay = dayNumbers.first ?? 0
        let lastDay = dayNumbers.last ?? firstDay
        let span = Double(max(1, lastDay - firstDay))
        let maximum = table.lines.flatMap(\.values).max() ?? 0
        let (upper, step) = ChartScales.valueTicks(maximum: maximum)
        func x(_ day: Int) -> Double { left + Double(day - firstDay) / span * plotWidth }
        func y(_ value: Double) -> Double { baseline - value / upper * plotHeight }

        try writer.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        try writer.line(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">")
        try writer.element("title", [:], text: title)
        try writer.element("desc", [:], text: "Source: \(source)")
        try writer.element("rect", ["width": "\(width)", "height": "\(height)", "fill": "#ffffff"])
        try writer.element(
            "text", ["class": "title", "x": f(left), "y": "30", "font-size": "18", "font-weight": "bold"], text: title)

        try writer.line("<g class=\"grid\" stroke=\"#e5e5e5\" stroke-width=\"1\">")
        for tick in stride(from: step, through: upper, by: step) {
            try writer.element("line", ["x1": f(left), "y1": f(y(tick)), "x2": f(left + plotWidth), "y2": f(y(tick))])
        }
        try writer.line("</g>")

        try writer.line("<g class=\"axis y-axis\" fill=\"#333333\">")
        try writer.element(
            "line", ["x1": f(left), "y1": f(top), "x2": f(left), "y2": f(baseline), "stroke": "#333333"])
        for tick in stride(from: 0, through: upper, by: step) {
            try writer.element(
                "text", ["x": f(left - 8), "y": f(y(tick) + 4), "text-anchor": "end"], text: ChartScales.compact(tick))
        }
        try writer.element(
            "text",
            [
                "class": "axis-label", "x": f(18), "y": f(top + plotHeight / 2), "text-anchor": "middle",
                "transform": "rotate(-90 18 \(f(top + plotHeight / 2)))",
            ], text: valueLabel)
        try writer.line("</g>")

        try writer.line("<g class=\"axis x-axis\" fill=\"#333333\">")
        try writer.element(
            "line",
            ["x1": f(left), "y1": f(baseline), "x2": f(left + plotWidth), "y2": f(baseline), "stroke": "#333333"])
        for tick in ChartScales.dateTicks(from: firstDay, to: lastDay) {
            try writer.element(
                "line",
                ["x1": f(x(tick)), "y1": f(baseline), "x2": f(x(tick)), "y2": f(baseline + 5), "stroke": "#333333"])
            try writer.element(
                "text", ["x": f(x(tick)), "y": f(baseline + 18), "text-anchor": "middle"],
                text: ChartScales.monthLabel(tick))
        }
        try writer.element(
            "text",
            ["class": "axis-label", "x": f(left + plotWidth / 2), "y": f(baseline + 40), "text-anchor": "middle"],
            text: "Date")
        try writer.line("</g>")

        for line in table.lines {
            try writer.line(
                "<g class=\"series\" id=\"series-\(line.series.key)\"><polyline fill=\"none\" stroke=\""
                    + "\(line.series.colour)\" stroke-width=\"1.8\" stroke-linejoin=\"round\" points=\"")
            var points = ""
            for (index, day) in dayNumbers.enumerated() where index < line.values.count {
                points += "\(f(x(day))),\(f(y(line.values[index]))) "
                if points.utf8.count > 4096 {
                    try writer.line(points)
                    points = ""
                }
            }
            try writer.line(points + "\"/></g>")
        }

        try writer.line("<g class=\"legend\">")
        let legendWidth = Double((table.lines.map(\.series.label.count).max() ?? 0) * 7 + 40)
        try writer.element(
            "rect",
            [
                "x": f(left + 6), "y": f(top), "width": f(legendWidth), "height": f(Double(table.lines.count) * 18 + 6),
                "fill": "#ffffff", "fill-opacity": "0.85", "stroke": "#dddddd",
            ])
        for (index, line) in table.lines.enumerated() {
            let rowY = top + 8 + Double(index) * 18
            try writer.element(
                "rect", ["x": f(left + 12), "y": f(rowY - 9), "width": "14", "height": "4", "fill": line.series.colour])
            try writer.element(
                "text", ["x": f(left + 32), "y": f(rowY - 3), "fill": "#333333"], text: line.series.label)
        }
        try writer.line("</g>")
        try writer.element(
            "text",
            ["class": "source", "x": f(left), "y": f(Double(height) - 10), "fill": "#777777", "font-size": "10"],
            text: "Source: \(source)")
        try writer.line("</svg>")
        try writer.flush()
    }

    /// A coordinate with at most one decimal.
    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
