package test

import (
	"os"
	"strings"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// DesiredMode is PTP_TEST_MODE (oc, bc, dualnicbc, dualnicbcha, dualfollower, tgm, tbc, discovery).
var DesiredMode = strings.ToLower(os.Getenv("PTP_TEST_MODE"))

func TestTest(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "PTP e2e integration tests")
}
