package metrics

import (
	"fmt"
	"strconv"
	"strings"
)

// PTP clock states exported as openshift_ptp_clock_state.
const (
	FREERUN  = 0
	LOCKED   = 1
	HOLDOVER = 2
)

// ParsedLine is one daemon log line the exporter understands, e.g.
//
//	ptp4l[1031603.242]: [ptp4l.1.config:6] master offset -112 s0 freq +3 path delay 1583
//	phc2sys[1757326339]:[ptp4l.1.config] PTP_PROCESS_STATUS:0
type ParsedLine struct {
	Process    string
	ConfigName string
	Offset     int64
	State      int
	Status     *int
}

// ParseLine extracts process, config, offset and servo state from a daemon log line.
func ParseLine(line string) (*ParsedLine, error) {
	open := strings.Index(line, "[")
	if open <= 0 {
		return nil, fmt.Errorf("not a process line: %q", line)
	}
	out := &ParsedLine{Process: line[:open]}
	cfgStart := strings.Index(line, "]:[")
	if cfgStart < 0 {
		cfgStart = strings.Index(line, "]: [")
	}
	if cfgStart >= 0 {
		rest := line[cfgStart:]
		end := strings.Index(rest, "]")
		if end2 := strings.Index(rest[end+1:], "]"); end2 >= 0 {
			out.ConfigName = strings.Trim(rest[end+1:end+1+end2], " :[")
		}
	}
	if i := strings.Index(line, "PTP_PROCESS_STATUS:"); i >= 0 {
		v, err := strconv.Atoi(strings.TrimSpace(line[i+len("PTP_PROCESS_STATUS:"):]))
		if err != nil {
			return nil, fmt.Errorf("bad process status in %q: %w", line, err)
		}
		out.Status = &v
		return out, nil
	}
	fields := strings.Fields(line)
	for i, f := range fields {
		if f == "offset" && i+2 < len(fields) {
			offset, err := strconv.ParseInt(fields[i+1], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("bad offset in %q: %w", line, err)
			}
			out.Offset = offset
			out.State = servoState(fields[i+2])
			return out, nil
		}
	}
	return out, nil
}

func servoState(s string) int {
	switch s {
	case "s2", "s3":
		return LOCKED
	case "s1":
		return HOLDOVER
	default:
		return FREERUN
	}
}
