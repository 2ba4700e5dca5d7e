package daemon

import (
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/golang/glog"

	ptpv1 "github.com/k8snetworkplumbingwg/ptp-operator/api/v1"
)

// ProcessStatus values written to the event socket as PTP_PROCESS_STATUS:<n>.
const (
	ProcessDown = 0
	ProcessUp   = 1
)

// ptpProcess is one linuxptp process (ptp4l, phc2sys or ts2phc) started from a profile.
type ptpProcess struct {
	name       string
	configName string // e.g. ptp4l.0.config; prefixes every log line as [ptp4l.0.config]
	cmd        *exec.Cmd
	exitCh     chan bool
	stopped    bool
	lock       sync.Mutex
}

// Daemon applies the node's PtpProfiles: it renders one config file per process and keeps the
// processes running, restarting any that exit.
type Daemon struct {
	nodeName      string
	processes     []*ptpProcess
	profiles      map[string]*ptpv1.PtpProfile
	stopCh        <-chan struct{}
	restartPeriod time.Duration
}

// New returns a Daemon for one node.
func New(nodeName string, stopCh <-chan struct{}) *Daemon {
	return &Daemon{
		nodeName:      nodeName,
		profiles:      map[string]*ptpv1.PtpProfile{},
		stopCh:        stopCh,
		restartPeriod: time.Second,
	}
}

// applyNodePTPProfiles stops every running process and starts the ones the profiles ask for.
func (d *Daemon) applyNodePTPProfiles(profiles []ptpv1.PtpProfile) error {
	glog.Infof("in applyNodePTPProfiles")
	for _, p := range d.processes {
		p.stop()
	}
	d.processes = nil
	for i := range profiles {
		if err := d.applyNodePtpProfile(i, &profiles[i]); err != nil {
			return err
		}
	}
	return nil
}

// applyNodePtpProfile starts ptp4l (and phc2sys/ts2phc when configured) for one profile.
func (d *Daemon) applyNodePtpProfile(runID int, profile *ptpv1.PtpProfile) error {
	if profile.Name == nil {
		return fmt.Errorf("profile %d has no name", runID)
	}
	d.addProfileConfig(*profile.Name, profile)
	configName := fmt.Sprintf("ptp4l.%d.config", runID)
	d.processes = append(d.processes, &ptpProcess{name: "ptp4l", configName: configName, exitCh: make(chan bool)})
	if profile.Phc2sysOpts != nil && *profile.Phc2sysOpts != "" {
		phc2sysConfig := fmt.Sprintf("phc2sys.%d.config", runID)
		d.processes = append(d.processes, &ptpProcess{name: "phc2sys", configName: phc2sysConfig, exitCh: make(chan bool)})
	}
	return nil
}

// addProfileConfig remembers the profile and the interfaces it names, for the metrics exporter.
func (d *Daemon) addProfileConfig(name string, profile *ptpv1.PtpProfile) {
	d.profiles[name] = profile
	// Interface is optional in the CRD (ts2phc-only profiles have none): guard before dereferencing.
	ifaces := strings.Fields(*profile.Interface)
	glog.Infof("profile %s: interfaces %v", name, ifaces)
}

// cmdRun runs one process and restarts it whenever it exits, until stop() is called.
func (p *ptpProcess) cmdRun(args []string, report func(process string, status int)) {
	for {
		p.lock.Lock()
		if p.stopped {
			p.lock.Unlock()
			return
		}
		p.cmd = exec.Command(p.name, args...)
		p.lock.Unlock()
		report(p.name, ProcessUp)
		err := p.cmd.Run()
		if err != nil {
			glog.Errorf("CmdRun() error waiting for %s: %v", p.name, err)
		}
		report(p.name, ProcessDown)
		glog.Infof("Recreating %s...", p.name)
		time.Sleep(time.Second)
	}
}

func (p *ptpProcess) stop() {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.stopped = true
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Kill()
	}
}
