package test

import (
	"fmt"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/client"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/logging"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/pods"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/ptphelper"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/ptptesthelper"
	"github.com/k8snetworkplumbingwg/ptp-operator/test/pkg/testconfig"
)

// The serial suite runs once per PTP_TEST_MODE; the mode prefixes every spec name, e.g.
// "[bc-serial] PTP e2e tests PTP ClockSync Slave can sync to master".
var _ = Describe("["+strings.ToLower(DesiredMode)+"-serial]", Serial, func() {
	var fullConfig testconfig.TestConfig

	BeforeEach(func() {
		fullConfig = testconfig.GetFullDiscoveredConfig(pkg.PtpLinuxDaemonNamespace, false)
		if fullConfig.Status != testconfig.DiscoverySuccessStatus {
			Skip("Failed to find a valid ptp slave configuration")
		}
	})

	Context("PTP e2e tests", func() {
		Context("PTP configuration verifications", func() {
			It("Should check that all nodes are running at least one replica of linuxptp-daemon", func() {
				ptphelper.WaitForPtpDaemonToBeReady(client.Client)
			})
		})

		Context("PTP ClockSync", func() {
			It("Slave can sync to master", func() {
				if fullConfig.PtpModeDesired == testconfig.Discovery {
					Skip("Test not valid for discovery mode")
				}
				// Waits up to 10 minutes for a follower port to be SLAVE and LOCKED.
				ptptesthelper.WaitForPtpMetrics(fullConfig, pkg.PtpSlave1PolicyName)
				ptptesthelper.CheckSlaveOffsets(fullConfig, pkg.MasterOffsetLowerBound, pkg.MasterOffsetHigherBound)
			})

			It("Dual follower can sync when one follower port goes down", func() {
				if fullConfig.PtpModeDesired != testconfig.DualFollowerClock {
					Skip("Test reserved for dual follower scenario")
				}
				port := fullConfig.SlaveInterfaces()[0]
				ptptesthelper.TurnInterfaceDown(fullConfig.DiscoveredClockUnderTestPod, port)
				defer ptptesthelper.TurnInterfaceUp(fullConfig.DiscoveredClockUnderTestPod, port)
				ptptesthelper.WaitForPtpMetrics(fullConfig, pkg.PtpSlave1PolicyName)
			})

			It("DualNICBCHA phc2sys switches to secondary ptp4l when primary interface fails", func() {
				if fullConfig.PtpModeDesired != testconfig.DualNICBoundaryClockHA {
					Skip("Test reserved for dual NIC boundary clock HA")
				}
				primary := fullConfig.DiscoveredFollowerInterfaces[0]
				By("Checking the primary BC follower interface is SLAVE")
				Eventually(func() error {
					return ptptesthelper.CheckRole(fullConfig.DiscoveredClockUnderTestPod.Spec.NodeName, primary, pkg.RoleSlave)
				}, pkg.TimeoutIn5Minutes, pkg.TimeoutInterval5Seconds).Should(BeNil(),
					"Primary BC slave interface must reach SLAVE state before phc2sys starts")

				logging.Infof("Turning interface: %s in pod %s down", primary, fullConfig.DiscoveredClockUnderTestPod.Name)
				ptptesthelper.TurnInterfaceDown(fullConfig.DiscoveredClockUnderTestPod, primary)
				defer ptptesthelper.TurnInterfaceUp(fullConfig.DiscoveredClockUnderTestPod, primary)

				By("Verifying phc2sys switches to a different interface")
				// The daemon logs the new source right after the HA failover; one minute is plenty
				// on real hardware, but netdevsim can take longer to notice the link loss.
				_, err := pods.GetPodLogsRegex(client.Client.K8sClient, fullConfig.DiscoveredClockUnderTestPod,
					pkg.PtpContainerName, `phc2sys\[.*\]: \[phc2sys\.\d\.config:\d\] selecting (\w+) as out-of-domain source clock`,
					time.Minute)
				Expect(err).NotTo(HaveOccurred())
			})
		})

		Context("PTP Outage recovery", func() {
			It("Should restart phc2sys with no socket errors after SIGTERM", func() {
				pod := fullConfig.DiscoveredClockUnderTestPod
				_, _, err := pods.ExecCommand(client.Client, true, pod, pkg.PtpContainerName, []string{"pkill", "-TERM", "phc2sys"})
				Expect(err).NotTo(HaveOccurred())
				Eventually(func() string {
					return ptphelper.GetProcessStatus(pod, "phc2sys")
				}, pkg.TimeoutIn3Minutes, pkg.TimeoutInterval5Seconds).Should(Equal("1"),
					fmt.Sprintf("Expected phc2sys process status to be %s for GM", "1"))
			})
		})
	})
})
