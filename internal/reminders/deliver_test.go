package reminders_test

import (
	"slices"
	"testing"

	"github.com/mend-app/mend/internal/reminders"
)

func TestDeliverable(t *testing.T) {
	t.Parallel()
	both := []string{reminders.Email, reminders.Push}
	scenarios := []struct {
		name   string
		chosen []string
		reach  reminders.Reach
		want   []string
	}{
		{"email ready", []string{reminders.Email}, reminders.Reach{Mail: true}, []string{reminders.Email}},
		{"email without mail", []string{reminders.Email}, reminders.Reach{Devices: 2}, nil},
		{"push with a device", []string{reminders.Push}, reminders.Reach{Devices: 1}, []string{reminders.Push}},
		{"push without devices", []string{reminders.Push}, reminders.Reach{Mail: true}, nil},
		{"both, only push ready", both, reminders.Reach{Devices: 1}, []string{reminders.Push}},
		{"both, only email ready", both, reminders.Reach{Mail: true}, []string{reminders.Email}},
		{"both ready", both, reminders.Reach{Mail: true, Devices: 3}, both},
		{"nothing chosen", nil, reminders.Reach{Mail: true, Devices: 1}, nil},
		{"unknown channel", []string{"sms"}, reminders.Reach{Mail: true, Devices: 1}, nil},
		{"repeated channel", []string{reminders.Email, reminders.Email}, reminders.Reach{Mail: true}, []string{reminders.Email}},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			if got := reminders.Deliverable(s.chosen, s.reach); !slices.Equal(got, s.want) {
				t.Errorf("Deliverable(%v, %+v) = %v, want %v", s.chosen, s.reach, got, s.want)
			}
		})
	}
}
