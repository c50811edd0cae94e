package charts

// layout sets what go-echarts v2.6.7 has no field for, on the decoded
// option, so every chart fits a 390 px phone and an A4 page alike.
func layout(name string, obj map[string]any) {
	// go-echarts always emits an empty toolbox; Mend sets none.
	delete(obj, "toolbox")
	alignAxisNames(obj)
	switch name {
	case "calendar":
		calendarLayout(obj)
	case "pain-trend":
		// Sleep bars sit under the pain lines, not over them.
		for _, s := range list(obj["series"]) {
			if s["type"] == "bar" {
				s["z"] = 1
			}
			// go-echarts writes the symbol as a list; ECharts wants a string.
			if mp, ok := s["markPoint"].(map[string]any); ok {
				mp["symbol"] = "diamond"
			}
		}
		for _, z := range list(obj["dataZoom"]) {
			if z["type"] == "slider" {
				z["height"], z["bottom"] = 20, 4
			}
		}
	}
}

// alignAxisNames keeps a y axis' name inside the chart. ECharts centres the
// name over the axis line, and the line sits at the container's edge when
// the grid is tight, so "Peak pain (0–10)" lost its first letters on a
// phone and in the PDF. Aligned away from the edge, the name starts at the
// axis line and runs into the plot's width instead.
func alignAxisNames(obj map[string]any) {
	for _, ax := range list(obj["yAxis"]) {
		if ax["name"] == nil || ax["name"] == "" || ax["nameLocation"] == "middle" || ax["nameLocation"] == "center" {
			continue
		}
		style, _ := ax["nameTextStyle"].(map[string]any)
		if style == nil {
			style = map[string]any{}
		}
		style["align"] = "left"
		if ax["position"] == "right" {
			style["align"] = "right"
		}
		ax["nameTextStyle"] = style
	}
}

// list returns the objects of an option component that may be one object
// or an array of them.
func list(v any) []map[string]any {
	switch x := v.(type) {
	case map[string]any:
		return []map[string]any{x}
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}
