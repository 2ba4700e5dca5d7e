module github.com/k8snetworkplumbingwg/ptp-operator

go 1.24.0

require (
	github.com/onsi/ginkgo/v2 v2.28.1
	github.com/onsi/gomega v1.39.1
	github.com/redhat-cne/sdk-go v1.22.4
	k8s.io/api v0.33.2
	k8s.io/client-go v0.33.2
	sigs.k8s.io/controller-runtime v0.21.0
)
