module github.com/mend-app/mend

go 1.27.3
