module github.com/redhat-cne/cloud-event-proxy

go 1.24.0

require (
	github.com/golang/glog v1.2.5
	github.com/redhat-cne/rest-api v1.23.6
	github.com/redhat-cne/sdk-go v1.23.6
)
