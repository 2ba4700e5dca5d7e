package pkg

import "time"

// Timeouts shared by the conformance suites. Most waits use TimeoutIn5Minutes; metric detection
// waits TimeoutIn10Minutes because the daemon exports a port's state only after it settles.
const (
	TimeoutIn1Minute        = 1 * time.Minute
	TimeoutIn3Minutes       = 3 * time.Minute
	TimeoutIn5Minutes       = 5 * time.Minute
	TimeoutIn10Minutes      = 10 * time.Minute
	Timeout10Seconds        = 10 * time.Second
	Timeout1Seconds         = 1 * time.Second
	TimeoutInterval2Seconds = 2 * time.Second
	TimeoutInterval5Seconds = 5 * time.Second
)

// Offsets (ns) a follower clock must stay within to count as synchronised.
const (
	MasterOffsetLowerBound  = -100
	MasterOffsetHigherBound = 100
)

const (
	// PtpLinuxDaemonNamespace is where the operator deploys the linuxptp-daemon DaemonSet.
	PtpLinuxDaemonNamespace = "openshift-ptp"
	PtpContainerName        = "linuxptp-daemon-container"
	EventProxyContainerName = "cloud-event-proxy"
	// MetricsEndPoint is served by the cloud-event-proxy sidecar inside each daemon pod.
	MetricsEndPoint = "127.0.0.1:9091/metrics"

	PtpGrandmasterPolicyName = "test-grandmaster"
	PtpBcMaster1PolicyName   = "test-bc-master1"
	PtpSlave1PolicyName      = "test-slave1"
	PtpBcMaster2PolicyName   = "test-bc-master2"
	PtpSlave2PolicyName      = "test-slave2"
	PtpDualNicBCHAPolicyName = "test-dual-nic-bc-ha"
	PtpTempPolicyName        = "temp"

	// PtpClockUnderTestNodeLabel marks the node whose clock the serial specs measure.
	PtpClockUnderTestNodeLabel = "ptp/clock-under-test"
)

// Port roles as the daemon reports them in openshift_ptp_interface_role.
const (
	RoleSlave     = 1
	RoleMaster    = 2
	RolePassive   = 3
	RoleFaulty    = 4
	RoleListening = 5
)
