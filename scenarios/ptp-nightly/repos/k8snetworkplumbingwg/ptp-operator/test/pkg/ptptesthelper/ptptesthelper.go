package ptptesthelper

import (
	"fmt"
	"strings"
	"time"

	. "github.com/onsi/gomega"

	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/metrics"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/testconfig"
)

// WaitForPtpMetrics waits until at least one follower port of the clock under test is LOCKED
// with the SLAVE role. The error lists every interface it checked and why each one failed.
func WaitForPtpMetrics(fullConfig testconfig.TestConfig, policyName string) {
	node := fullConfig.DiscoveredClockUnderTestPod.Spec.NodeName
	slaveIfs := fullConfig.SlaveInterfaces()
	Eventually(func() error {
		var problems []string
		for _, iface := range slaveIfs {
			role, err := metrics.GetInterfaceRole(node, iface)
			if err != nil {
				problems = append(problems, fmt.Sprintf("  %s: role metric error: %v", iface, err))
				continue
			}
			if role != pkg.RoleSlave {
				problems = append(problems, fmt.Sprintf("  %s: role mismatch (expected=SLAVE, got=%s)", iface, metrics.RoleName(role)))
				continue
			}
			state, err := metrics.GetClockState(node, iface)
			if err != nil {
				problems = append(problems, fmt.Sprintf("  %s: clock state metric error: %v", iface, err))
				continue
			}
			if state == metrics.ClockStateLocked {
				return nil
			}
			problems = append(problems, fmt.Sprintf("  %s: clock state %s", iface, metrics.ClockStateName(state)))
		}
		return fmt.Errorf("no Follower port in expected LOCKED state for ptpconfig %s (node=%s, label=%q, slaveIfs=%v). Per-interface results:\n%s",
			policyName, node, pkg.PtpClockUnderTestNodeLabel, slaveIfs, strings.Join(problems, "\n"))
	}, pkg.TimeoutIn10Minutes, pkg.TimeoutInterval5Seconds).Should(Succeed(),
		fmt.Sprintf("Timeout to detect metrics for ptpconfig %s", policyName))
}

// CheckRole asserts an interface's current port role.
func CheckRole(node, iface string, expected int) error {
	role, err := metrics.GetInterfaceRole(node, iface)
	if err != nil {
		return err
	}
	if role != expected {
		return fmt.Errorf("incorrect role for %s, role expected=%d(%s), role observed=%d(%s)",
			iface, expected, metrics.RoleName(expected), role, metrics.RoleName(role))
	}
	return nil
}

// WaitForClockClass waits for ptp4l on the grandmaster to announce the given clock class.
func WaitForClockClass(node string, class int, timeout time.Duration) {
	Eventually(func() (int, error) {
		return metrics.GetClockClass(node)
	}, timeout, pkg.TimeoutInterval5Seconds).Should(Equal(class),
		fmt.Sprintf("Expected ptp4l clock class to eventually be %d for GM", class))
}
