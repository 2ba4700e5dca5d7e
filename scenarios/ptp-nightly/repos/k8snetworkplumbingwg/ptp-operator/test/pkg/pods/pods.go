package pods

import (
	"bufio"
	"context"
	"fmt"
	"regexp"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
)

// GetPodLogsRegex streams a container's log from now on and returns the first line matching
// regex. It gives up when ctx (bounded by timeout) expires; the error then names the pod and
// container so a failed spec says which daemon it was waiting on.
func GetPodLogsRegex(client kubernetes.Interface, pod *corev1.Pod, container, regex string, timeout time.Duration) ([]string, error) {
	re, err := regexp.Compile(regex)
	if err != nil {
		return nil, fmt.Errorf("bad regex %q: %w", regex, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	since := int64(1)
	req := client.CoreV1().Pods(pod.Namespace).GetLogs(pod.Name, &corev1.PodLogOptions{
		Container:    container,
		Follow:       true,
		SinceSeconds: &since,
	})
	stream, err := req.Stream(ctx)
	if err != nil {
		return nil, fmt.Errorf("could not open log stream for %s/%s container=%s, err=%w", pod.Namespace, pod.Name, container, err)
	}
	defer stream.Close()
	scanner := bufio.NewScanner(stream)
	for scanner.Scan() {
		if m := re.FindStringSubmatch(scanner.Text()); m != nil {
			return m, nil
		}
	}
	// A closed stream and an expired context look alike here; report the context's error when
	// there is one, since that is the usual cause (the awaited line was never written).
	cause := scanner.Err()
	if ctx.Err() != nil {
		cause = fmt.Errorf("error reading from stream: %w", ctx.Err())
	}
	return nil, fmt.Errorf("could not find regex in log stream for %s/%s container=%s, err=%v", pod.Namespace, pod.Name, container, cause)
}
