package store

import "github.com/pocketbase/dbx"

func dbxID(id string) dbx.Expression { return dbx.HashExp{"id": id} }
