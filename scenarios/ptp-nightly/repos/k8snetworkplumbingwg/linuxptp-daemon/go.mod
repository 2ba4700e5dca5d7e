module github.com/k8snetworkplumbingwg/linuxptp-daemon

go 1.24.0

require (
	github.com/golang/glog v1.2.5
	github.com/k8snetworkplumbingwg/ptp-operator v0.0.0-20260713214501-5470905f489c
	github.com/redhat-cne/sdk-go v1.23.6
)
