import Presentation
/// Charts as inline SVG. A suppressed count is never drawn to scale: its bar is left out and
/// its label says `<N` or `x`.
enum SVGCharts {
    static func render(_ chart: Chart) -> String {
        switch chart {
        case .bars(let caption, let bars): return self.bars(caption, bars)
        case .histogram(let caption, let bins, let minCell): return histogram(caption, bins, minCell: minCell)
        case .missingness(let segments): return missingness(segments)
        }
    }

    static func number(_ value: Double) -> String { Formatting.number(value, places: 2) }

    static func bars(_ caption: String, _ bars: [Chart.Bar]) -> String {
        guard !bars.isEmpty else { return "" }
        var out = "<figure class=\"bars\" aria-label=\"\(HTMLRenderer.escape(caption))\">\n"
        out += "<figcaption class=\"caption\">\(HTMLRenderer.escape(caption))</figcaption>\n"
        for bar in bars {
            let width = max(0, min(100, bar.percent ?? 0))
            let value = bar.percent.map { "\(bar.text) (\(Formatting.percent($0))%)" } ?? bar.text
            out += "<div class=\"bar-row\"><span class=\"bar-label\">\(HTMLRenderer.escape(bar.label))</span>"
            out +=
                "<svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(value))\">"
            out += "<rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" fill=\"#eef2f5\"/>"
            if bar.percent != nil {
                out += "<rect x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"10\" fill=\"#2f6690\"/>"
            }
            out += "</svg><span class=\"bar-value\">\(HTMLRenderer.escape(value))</span></div>\n"
        }
        return out + "</figure>\n"
    }

    static let segmentColours = ["#2f6690", "#c8553d", "#e09f3e", "#7d5ba6", "#6b8f71", "#8c6d46"]

    static func missingness(_ segments: [Chart.Segment]) -> String {
        guard !segments.isEmpty else { return "" }
        var out = "<figure class=\"stack\" aria-label=\"Answered and missing\">\n"
        out +=
            "<svg viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Answered and missing\">"
        var x = 0.0
        var legend = "<ul class=\"legend\">"
        for (index, segment) in segments.enumerated() {
            let colour = segment.text == "x" ? "#9a9a9a" : segmentColours[min(index, segmentColours.count - 1)]
            let width = segment.share * 100
            out +=
                "<rect x=\"\(number(x))\" y=\"0\" width=\"\(number(width))\" height=\"6\" fill=\"\(colour)\"><title>\(HTMLRenderer.escape(segment.label)): \(HTMLRenderer.escape(segment.text))</title></rect>"
            x += width
            legend +=
                "<li><span class=\"key\" style=\"background:\(colour)\"></span>\(HTMLRenderer.escape(segment.label)) \(HTMLRenderer.escape(segment.text))</li>"
        }
        out += "</svg>\n" + legend + "</ul>\n"
        return out + "</figure>\n"
    }

    static func histogram(_ caption: String, _ bins: [HistogramBin], minCell: Int) -> String {
        guard !bins.isEmpty else { return "" }
        let width = 320.0, height = 170.0, left = 36.0, bottom = 24.0, top = 8.0
        let plotWidth = width - left - 6, plotHeight = height - bottom - top
        let highest = bins.compactMap(\.count.shown).max() ?? 0
        let scale = highest > 0 ? plotHeight / highest : 0
        let step = plotWidth / Double(bins.count)
        var out = "<figure class=\"histogram\" aria-label=\"\(HTMLRenderer.escape(caption))\">\n"
        out +=
            "<svg viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(caption))\" font-family=\"system-ui, sans-serif\" font-size=\"10\">"
        out +=
            "<line x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(width - 6))\" y2=\"\(number(top + plotHeight))\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>"
        out += "<text x=\"\(number(left - 4))\" y=\"\(number(top + 8))\" text-anchor=\"end\">\(number(highest))</text>"
        out += "<text x=\"\(number(left - 4))\" y=\"\(number(top + plotHeight))\" text-anchor=\"end\">0</text>"
        for (index, bin) in bins.enumerated() {
            let x = left + Double(index) * step
            let range = "\(number(bin.lower)) to under \(number(bin.upper))"
            let label = Formatting.count(bin.count, minCell: minCell)
            if let value = bin.count.shown {
                let barHeight = value * scale
                out +=
                    "<rect x=\"\(number(x + 0.5))\" y=\"\(number(top + plotHeight - barHeight))\" width=\"\(number(max(0.5, step - 1)))\" height=\"\(number(barHeight))\" fill=\"#2f6690\"><title>\(HTMLRenderer.escape(range)): \(label)</title></rect>"
            } else {
                out +=
                    "<text x=\"\(number(x + step / 2))\" y=\"\(number(top + plotHeight - 3))\" text-anchor=\"middle\" font-size=\"7\" fill=\"#5a5a5a\">\(HTMLRenderer.escape(label))<title>\(HTMLRenderer.escape(range)): \(HTMLRenderer.escape(label))</title></text>"
            }
        }
        let ticks = Set([0, bins.count / 2, bins.count - 1])
        for index in ticks.sorted() {
            let x = left + Double(index) * step + step / 2
            out +=
                "<text x=\"\(number(x))\" y=\"\(number(height - 8))\" text-anchor=\"middle\">\(number(bins[index].lower))</text>"
        }
        out +=
            "</svg>\n<figcaption class=\"caption\">\(HTMLRenderer.escape(caption)); bars are counts, labelled by their lower edge.</figcaption>\n"
        return out + "</figure>\n"
    }
}
