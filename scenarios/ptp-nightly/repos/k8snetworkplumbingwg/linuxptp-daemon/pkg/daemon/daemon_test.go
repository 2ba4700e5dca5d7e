//go:build unittests

package daemon

import (
	"testing"

	ptpv1 "github.com/k8snetworkplumbingwg/ptp-operator/api/v1"
)

func strPtr(s string) *string { return &s }

func TestApplyNodePtpProfiles(t *testing.T) {
	d := New("node-1", make(chan struct{}))
	profiles := []ptpv1.PtpProfile{
		{Name: strPtr("bc"), Interface: strPtr("ens1f0 ens1f1"), Phc2sysOpts: strPtr("-a -r")},
		// A T-GM profile drives ts2phc only and names no ptp4l interface.
		{Name: strPtr("tgm"), Ts2PhcOpts: strPtr("-s generic")},
	}
	if err := d.applyNodePTPProfiles(profiles); err != nil {
		t.Fatalf("applyNodePTPProfiles: %v", err)
	}
	if got := len(d.processes); got != 3 {
		t.Fatalf("processes: got %d, want 3", got)
	}
}

func TestApplyNodePtpProfileNeedsName(t *testing.T) {
	d := New("node-1", make(chan struct{}))
	if err := d.applyNodePtpProfile(0, &ptpv1.PtpProfile{}); err == nil {
		t.Fatal("expected an error for a profile without a name")
	}
}
